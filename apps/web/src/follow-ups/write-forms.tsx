import { type FormEvent, type ReactNode, useState } from 'react';
import { Button } from 'nhsuk-react-components';
import { DateInput } from '../common/date-input';
import { type DateParts, EMPTY_DATE, exampleDateSoon, isoDate } from '../common/dates';
import { FormErrorSummary, type SummaryLine } from '../common/error-summary';
import { RadiosField, SelectField, TextareaField } from './fields';
import { messageFor, type Problem, summaryOf } from '../common/form-problems';
import { problemsOf } from './form-problems';
import { type ContactMethod, entries, type FollowUpDetail, METHOD_WORDS } from './labels';
import { BARRIER_WORDS, type BarrierCategory, type Service, SERVICE_NAMES } from '../common/words';
import { useFollowUpWrite, useOwnerOptions, writes } from './queries';

interface FormProps {
  followUp: FollowUpDetail;
  /** Said once the API accepted the change (the page announces it). */
  onDone: (message: string) => void;
}

/**
 * One form: its own checks (what the API's message would not say in the user's words), then the API's
 * answer, each problem against its field. `fieldIds` maps the API's field names to the form's inputs.
 */
function useForm<V>(
  followUp: FollowUpDetail,
  send: (id: number, values: V) => Promise<FollowUpDetail>,
  fieldIds: Record<string, string>,
) {
  const write = useFollowUpWrite(followUp.id, send);
  const [own, setOwn] = useState<Problem[]>([]);
  const problems = own.length ? own : problemsOf(write.error, fieldIds);
  const submit = (checks: Problem[], values: V, done: () => void) => {
    setOwn(checks);
    if (checks.length) return;
    write.reset();
    write.mutate(values, { onSuccess: done });
  };
  return { problems, submit, pending: write.isPending };
}

/** One of the page's forms: its heading names it, and its error summary (focused on each refusal) is under it. */
function WriteForm(props: {
  id: string;
  title: string;
  problems: SummaryLine[];
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}) {
  return (
    <form noValidate onSubmit={props.onSubmit} aria-labelledby={props.id}>
      <h2 className="nhsuk-heading-m" id={props.id}>
        {props.title}
      </h2>
      <FormErrorSummary refocus lines={props.problems} />
      {props.children}
    </form>
  );
}

export function ContactForm({ followUp, onDone }: FormProps) {
  const [method, setMethod] = useState<ContactMethod | ''>('');
  const [outcome, setOutcome] = useState('');
  const form = useForm(followUp, writes.contact, { method: 'contact-method', outcome: 'contact-outcome' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checks: Problem[] = [];
    if (!method) checks.push({ fieldId: 'contact-method', message: 'Select how you contacted the practice' });
    if (!outcome.trim()) checks.push({ fieldId: 'contact-outcome', message: 'Enter what came of the contact' });
    form.submit(checks, { method: method as ContactMethod, outcome }, () => {
      setMethod('');
      setOutcome('');
      onDone('Contact recorded.');
    });
  };
  return (
    <WriteForm id="record-contact" title="Record a contact" problems={summaryOf(form.problems)} onSubmit={submit}>
      <RadiosField
        id="contact-method"
        legend="How did you contact the practice?"
        value={method}
        onChange={setMethod}
        options={entries(METHOD_WORDS)}
        error={messageFor(form.problems, 'contact-method')}
        small
      />
      <TextareaField
        id="contact-outcome"
        label="Outcome"
        hint="Who you spoke to and what was agreed"
        value={outcome}
        onChange={setOutcome}
        error={messageFor(form.problems, 'contact-outcome')}
      />
      <Button type="submit" disabled={form.pending}>
        Record contact
      </Button>
    </WriteForm>
  );
}

export function BarrierForm({ followUp, onDone }: FormProps) {
  const services = followUp.servicesNotOffered;
  const [service, setService] = useState<Service | ''>(services.length === 1 ? services[0] : '');
  const [category, setCategory] = useState<BarrierCategory | ''>('');
  const [detail, setDetail] = useState('');
  const form = useForm(followUp, writes.barriers, {
    'barriers.0.service': 'barrier-service',
    'barriers.0.category': 'barrier-category',
    'barriers.0.detail': 'barrier-detail',
    barriers: 'barrier-category',
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checks: Problem[] = [];
    if (!service) checks.push({ fieldId: 'barrier-service', message: 'Select the service the barrier is about' });
    if (!category) checks.push({ fieldId: 'barrier-category', message: 'Select what stops the practice' });
    // The detail is the API's to require (for "other"): its message shows against the field.
    const barrier = {
      service: service as Service,
      category: category as BarrierCategory,
      ...(detail.trim() || category === 'other' ? { detail } : {}),
    };
    form.submit(checks, { barriers: [barrier] }, () => {
      setCategory('');
      setDetail('');
      onDone('Barrier recorded.');
    });
  };
  const detailField = (label: string) => (
    <TextareaField
      id="barrier-detail"
      label={label}
      value={detail}
      onChange={setDetail}
      error={messageFor(form.problems, 'barrier-detail')}
    />
  );
  return (
    <WriteForm id="record-barrier" title="Record a barrier" problems={summaryOf(form.problems)} onSubmit={submit}>
      <SelectField
        id="barrier-service"
        label="Service"
        value={service}
        onChange={(v) => setService(v as Service | '')}
        options={[['', 'Choose a service'], ...services.map((s): [string, string] => [s, SERVICE_NAMES[s]])]}
        error={messageFor(form.problems, 'barrier-service')}
      />
      <RadiosField
        id="barrier-category"
        legend="What stops the practice offering it?"
        value={category}
        onChange={setCategory}
        options={entries(BARRIER_WORDS)}
        error={messageFor(form.problems, 'barrier-category')}
        small
        conditional={{ other: detailField('What is it?') }}
      />
      {category !== 'other' && detailField('Detail (optional)')}
      <Button type="submit" disabled={form.pending}>
        Record barrier
      </Button>
    </WriteForm>
  );
}

export function DueDateForm({ followUp, onDone }: FormProps) {
  const [parts, setParts] = useState<DateParts>(EMPTY_DATE);
  const form = useForm(followUp, writes.dueDate, { dueDate: 'due-date' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = isoDate('Due date', parts);
    // isoDate's own message is not used: this form says the same one thing for every date it cannot read.
    const dueDate = 'date' in checked ? checked.date : undefined;
    const checks: Problem[] =
      dueDate === undefined
        ? [
            {
              fieldId: 'due-date',
              message: `Enter a real date with a day, month and year, like ${exampleDateSoon()}`,
            },
          ]
        : [];
    form.submit(checks, { dueDate: dueDate ?? '' }, () => {
      setParts(EMPTY_DATE);
      onDone('Next due date set.');
    });
  };
  const dueDateError = messageFor(form.problems, 'due-date');
  const box = (part: keyof DateParts) => ({
    value: parts[part],
    onChange: (value: string) => setParts({ ...parts, [part]: value }),
    invalid: Boolean(dueDateError),
  });
  return (
    <WriteForm id="set-due-date" title="Next due date" problems={summaryOf(form.problems)} onSubmit={submit}>
      <DateInput
        id="due-date"
        legend="When should the practice be contacted next?"
        hint={`Today or later, for example ${exampleDateSoon()}`}
        error={dueDateError}
        boxes={[
          // The day box has the input's id: the error summary links there.
          { id: 'due-date', name: 'due-date-day', label: 'Day', width: 2, ...box('day') },
          { id: 'due-date-month', label: 'Month', width: 2, ...box('month') },
          { id: 'due-date-year', label: 'Year', width: 4, ...box('year') },
        ]}
      />
      <Button type="submit" secondary disabled={form.pending}>
        Set due date
      </Button>
    </WriteForm>
  );
}

export function OwnerForm({ followUp, onDone }: FormProps) {
  const options = useOwnerOptions(followUp.id, true);
  const [ownerId, setOwnerId] = useState(followUp.ownerId === null ? '' : String(followUp.ownerId));
  const form = useForm(followUp, writes.owner, { ownerId: 'owner' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    form.submit([], { ownerId: ownerId ? Number(ownerId) : null }, () => onDone('Owner changed.'));
  };
  const people = options.data?.items ?? [];
  const current =
    followUp.ownerId !== null && !people.some((p) => p.id === followUp.ownerId)
      ? // Someone who may no longer own it (deactivated, or moved): shown, so the select tells the truth.
        [[String(followUp.ownerId), `${followUp.ownerName ?? `User ${followUp.ownerId}`} (may no longer own it)`]]
      : [];
  return (
    <WriteForm
      id="change-owner"
      title="Owner"
      problems={
        options.isError
          ? [{ message: `The people who may own it could not be loaded: ${options.error.message}` }]
          : summaryOf(form.problems)
      }
      onSubmit={submit}
    >
      <SelectField
        id="owner"
        label="Who owns this follow-up?"
        value={ownerId}
        onChange={setOwnerId}
        options={[
          ['', 'Nobody'],
          ...(current as [string, string][]),
          ...people.map((p): [string, string] => [
            String(p.id),
            `${p.name} (${p.role === 'admin' ? 'admin' : `support, ${p.regionCode ?? 'every region'}`})`,
          ]),
        ]}
        error={messageFor(form.problems, 'owner')}
      />
      <Button type="submit" secondary disabled={form.pending || options.isPending}>
        Change owner
      </Button>
    </WriteForm>
  );
}

export function CloseForm({ followUp, onDone }: FormProps) {
  const [how, setHow] = useState<'resolve' | 'cancel' | ''>('');
  const [reason, setReason] = useState('');
  const send = (id: number, values: { how: 'resolve' | 'cancel'; reason: string }) =>
    writes[values.how](id, { reason: values.reason });
  const form = useForm(followUp, send, { reason: 'close-reason' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checks: Problem[] = [];
    if (!how) checks.push({ fieldId: 'close-how', message: 'Select resolve or cancel' });
    if (!reason.trim()) checks.push({ fieldId: 'close-reason', message: 'Enter the reason' });
    form.submit(checks, { how: how as 'resolve' | 'cancel', reason }, () =>
      onDone(how === 'resolve' ? 'Follow-up resolved.' : 'Follow-up cancelled.'),
    );
  };
  return (
    <WriteForm id="close-follow-up" title="Close the follow-up" problems={summaryOf(form.problems)} onSubmit={submit}>
      <RadiosField
        id="close-how"
        legend="How does it end?"
        value={how}
        onChange={setHow}
        options={[
          ['resolve', 'Resolve: the practice offers the services, or will'],
          ['cancel', 'Cancel: there is nothing more to follow up'],
        ]}
        error={messageFor(form.problems, 'close-how')}
        small
      />
      <TextareaField
        id="close-reason"
        label="Reason"
        value={reason}
        onChange={setReason}
        error={messageFor(form.problems, 'close-reason')}
      />
      <Button type="submit" warning={how === 'cancel'} disabled={form.pending}>
        Close follow-up
      </Button>
    </WriteForm>
  );
}
