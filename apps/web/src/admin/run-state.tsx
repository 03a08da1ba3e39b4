import { Tag } from 'nhsuk-react-components';
import type { ImportRun } from './imports';

const STATES: Record<ImportRun['state'], { text: string; modifier: 'grey' | 'blue' | 'green' | 'red' | 'orange' }> = {
  queued: { text: 'Waiting', modifier: 'grey' },
  running: { text: 'Running', modifier: 'blue' },
  succeeded: { text: 'Imported', modifier: 'green' },
  rejected: { text: 'Rejected', modifier: 'orange' },
  failed: { text: 'Failed', modifier: 'red' },
};

/** A run's state as a tag, in words an admin reads ("Rejected": nothing was written). */
export function RunState({ state }: { state: ImportRun['state'] }) {
  const s = STATES[state];
  return <Tag modifier={s.modifier}>{s.text}</Tag>;
}
