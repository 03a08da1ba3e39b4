import { Foundation1763980000000 } from './1763980000000-Foundation';
import { People1763990000000 } from './1763990000000-People';
import { FigureIndexes1764000000000 } from './1764000000000-FigureIndexes';
import { FollowUps1764010000000 } from './1764010000000-FollowUps';
import { Imports1764020000000 } from './1764020000000-Imports';
import { AreaTeams1764030000000 } from './1764030000000-AreaTeams';
import { RecordStatusFunction1764040000000 } from './1764040000000-RecordStatusFunction';
import { UserChangeNotice1764045000000 } from './1764045000000-UserChangeNotice';
import { ListSizeRangeIndex1764060000000 } from './1764060000000-ListSizeRangeIndex';
import { StoredFigures1764070000000 } from './1764070000000-StoredFigures';
import { SpanRefreshPlanned1764080000000 } from './1764080000000-SpanRefreshPlanned';
import { UserReferences1764090000000 } from './1764090000000-UserReferences';
import { ClinicalSystemReports1764100000000 } from './1764100000000-ClinicalSystemReports';
import { PracticeLockAlone1764110000000 } from './1764110000000-PracticeLockAlone';
import { StoredFiguresLockOrder1764115000000 } from './1764115000000-StoredFiguresLockOrder';
import { StatusEventRecordedIndex1764160000000 } from './1764160000000-StatusEventRecordedIndex';
import { ImportRunRowCounts1764170000000 } from './1764170000000-ImportRunRowCounts';
import { PracticeSearchIndexes1764172200000 } from './1764172200000-PracticeSearchIndexes';
import { DatabaseFunctionFiles1764180000000 } from './1764180000000-DatabaseFunctionFiles';

/** In order. Add each new migration here (the CLI and the apps both read this list). */
export const MIGRATIONS = [
  Foundation1763980000000,
  People1763990000000,
  FigureIndexes1764000000000,
  FollowUps1764010000000,
  Imports1764020000000,
  AreaTeams1764030000000,
  RecordStatusFunction1764040000000,
  UserChangeNotice1764045000000,
  ListSizeRangeIndex1764060000000,
  StoredFigures1764070000000,
  SpanRefreshPlanned1764080000000,
  UserReferences1764090000000,
  ClinicalSystemReports1764100000000,
  PracticeLockAlone1764110000000,
  StoredFiguresLockOrder1764115000000,
  StatusEventRecordedIndex1764160000000,
  ImportRunRowCounts1764170000000,
  PracticeSearchIndexes1764172200000,
  DatabaseFunctionFiles1764180000000,
];
