import { Foundation1763980000000 } from './1763980000000-Foundation';
import { FollowUps1764010000000 } from './1764010000000-FollowUps';
import { AreaTeams1764030000000 } from './1764030000000-AreaTeams';

/** In order. Add each new migration here (the CLI and the apps both read this list). */
export const MIGRATIONS = [Foundation1763980000000, FollowUps1764010000000, AreaTeams1764030000000];
