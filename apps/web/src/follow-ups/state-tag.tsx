import { type FollowUpState, STATE_WORDS } from '../common/words';
import { STATE_TAG } from './labels';

/** A follow-up's state as every page shows it: its words in the state's tag colour. */
export function StateTag({ state }: { state: FollowUpState }) {
  return <strong className={`nhsuk-tag ${STATE_TAG[state]}`}>{STATE_WORDS[state]}</strong>;
}
