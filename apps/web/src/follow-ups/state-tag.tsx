import { type FollowUpState, STATE_WORDS } from '../common/words';

/** The design system's tag colour per state: work to do in blue and orange, done in green, dropped in grey. */
const STATE_TAG: Record<FollowUpState, string> = {
  open: 'nhsuk-tag--blue',
  contacted: 'nhsuk-tag--aqua-green',
  barriers_recorded: 'nhsuk-tag--orange',
  resolved: 'nhsuk-tag--green',
  cancelled: 'nhsuk-tag--grey',
};

/** A follow-up's state as every page shows it: its words in the state's tag colour. */
export function StateTag({ state }: { state: FollowUpState }) {
  return <strong className={`nhsuk-tag ${STATE_TAG[state]}`}>{STATE_WORDS[state]}</strong>;
}
