// Table templates: create, edit and retire, with the API's own validation
// messages shown beside the fields they concern.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, type FieldErrors, type Page } from '../shared/api.ts';
import { Field } from '../shared/Field.tsx';
import { formatChips, variantName } from '../shared/format.ts';
import { adminApi } from './state.ts';

export type Template = {
  id: string; name: string; variant: string; smallBlind: number; bigBlind: number; ante: number; bigBlindAnte: boolean;
  straddle: number; smallBet: number; bigBet: number; minBuyIn: number; maxBuyIn: number; maxSeats: number;
  actionSeconds: number; timeBankSeconds: number; rakeBasisPoints: number; rakeCap: number; idleMinutes: number; minTables: number;
  retiredAt: string | null;
};

type Draft = Omit<Template, 'id' | 'retiredAt'>;

const VARIANTS = ['NT', 'FT', 'NS', 'PO', 'FO/8'];

const BLANK: Draft = {
  name: '', variant: 'NT', smallBlind: 1, bigBlind: 2, ante: 0, bigBlindAnte: false, straddle: 0, smallBet: 0, bigBet: 0,
  minBuyIn: 40, maxBuyIn: 200, maxSeats: 6, actionSeconds: 20, timeBankSeconds: 30, rakeBasisPoints: 500, rakeCap: 4, idleMinutes: 60, minTables: 0,
};

/** The number fields, with their labels and hints. */
const NUMBERS: [keyof Draft, string, string?][] = [
  ['smallBlind', 'Small blind'], ['bigBlind', 'Big blind'], ['ante', 'Ante'], ['straddle', 'Straddle', '0 for none'],
  ['smallBet', 'Small bet', 'Fixed limit only'], ['bigBet', 'Big bet', 'Fixed limit only'],
  ['minBuyIn', 'Minimum buy-in'], ['maxBuyIn', 'Maximum buy-in'], ['maxSeats', 'Seats'],
  ['actionSeconds', 'Action clock (s)'], ['timeBankSeconds', 'Time bank (s)'],
  ['rakeBasisPoints', 'Rake (basis points)', '500 is 5%'], ['rakeCap', 'Rake cap', '0 for no cap'],
  ['idleMinutes', 'Close when idle (min)'], ['minTables', 'Tables kept open'],
];

function draftOf(template: Template): Draft {
  const { id: _id, retiredAt: _retired, ...draft } = template;
  return draft;
}

function TemplateForm({ editing, onSaved, onCancel }: { editing: Template | null; onSaved: (template: Template) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<Draft>(editing ? draftOf(editing) : BLANK);
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]): void => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setFields({});
    setError('');
    try {
      const saved = editing
        ? await adminApi<Template>(`/api/admin/templates/${encodeURIComponent(editing.id)}`, { method: 'PATCH', body: draft })
        : await adminApi<Template>('/api/admin/templates', { method: 'POST', body: draft });
      onSaved(saved);
    } catch (caught) {
      const failure = caught instanceof ApiError ? caught : new ApiError(0, 'unknown', String(caught));
      setFields(failure.fields);
      setError(Object.keys(failure.fields).length > 0 ? 'Some fields need a change: see the messages beside them.' : failure.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="panel form template-form" onSubmit={submit} aria-label={editing ? `Edit ${editing.name}` : 'New template'} noValidate>
      <h2>{editing ? `Edit ${editing.name}` : 'New template'}</h2>
      <div class="form-grid">
        <Field label="Name" error={fields.name}>{(p) => <input {...p} value={draft.name} onInput={(e) => set('name', e.currentTarget.value)} />}</Field>
        <Field label="Game" error={fields.variant}>
          {(p) => (
            <select {...p} value={draft.variant} onChange={(e) => set('variant', e.currentTarget.value)}>
              {VARIANTS.map((code) => <option key={code} value={code}>{variantName(code)}</option>)}
            </select>
          )}
        </Field>
        {NUMBERS.map(([key, label, hint]) => (
          <Field key={key} label={label} hint={hint} error={fields[key]}>
            {(p) => <input {...p} type="number" inputMode="numeric" value={draft[key] as number} onInput={(e) => set(key, Number(e.currentTarget.value) as never)} />}
          </Field>
        ))}
        <label class="check"><input type="checkbox" checked={draft.bigBlindAnte} onChange={(e) => set('bigBlindAnte', e.currentTarget.checked)} />Big blind ante</label>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy}>{editing ? 'Save template' : 'Create template'}</button>
        <button type="button" class="quiet" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

export function Templates() {
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [showRetired, setShowRetired] = useState(false);
  const [form, setForm] = useState<'closed' | 'new' | Template>('closed');
  const [message, setMessage] = useState('');
  const load = (): void => void adminApi<Page<Template>>(`/api/admin/templates?limit=200${showRetired ? '&includeRetired=true' : ''}`).then((page) => setTemplates(page.items), (e: Error) => setMessage(e.message));
  useEffect(load, [showRetired]);

  const retire = async (template: Template): Promise<void> => {
    try {
      await adminApi(`/api/admin/templates/${encodeURIComponent(template.id)}/retire`, { method: 'POST' });
      setMessage(`${template.name} is retired: no new table opens from it.`);
      load();
    } catch (error) {
      setMessage((error as Error).message);
    }
  };

  return (
    <main>
      <div class="section-head">
        <h1>Templates</h1>
        <div class="form-actions">
          <label class="check"><input type="checkbox" checked={showRetired} onChange={(e) => setShowRetired(e.currentTarget.checked)} />Show retired</label>
          {form === 'closed' && <button type="button" class="primary" onClick={() => setForm('new')}>New template</button>}
        </div>
      </div>
      {message && <p class="notice" role="status">{message}</p>}
      {form !== 'closed' && (
        <TemplateForm key={form === 'new' ? 'new' : form.id} editing={form === 'new' ? null : form} onCancel={() => setForm('closed')}
          onSaved={(saved) => { setForm('closed'); setMessage(`Saved ${saved.name}.`); load(); }} />
      )}
      <table class="data" aria-label="Templates">
        <thead><tr><th scope="col">Name</th><th scope="col">Game</th><th scope="col">Stakes</th><th scope="col">Buy-in</th><th scope="col">Seats</th><th scope="col">Rake</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          {(templates ?? []).map((t) => (
            <tr key={t.id} class={t.retiredAt ? 'retired' : ''}>
              <th scope="row">{t.name}{t.retiredAt && <span class="tag">retired</span>}</th>
              <td>{variantName(t.variant)}</td>
              <td>{`${t.smallBlind}/${t.bigBlind}${t.ante ? ` ante ${t.ante}` : ''}`}</td>
              <td>{`${formatChips(t.minBuyIn)}–${formatChips(t.maxBuyIn)}`}</td>
              <td>{t.maxSeats}</td>
              <td>{`${t.rakeBasisPoints / 100}%${t.rakeCap ? ` cap ${t.rakeCap}` : ''}`}</td>
              <td class="row-actions">
                <button type="button" onClick={() => setForm(t)} aria-label={`Edit ${t.name}`}>Edit</button>
                {!t.retiredAt && <button type="button" class="danger" onClick={() => void retire(t)} aria-label={`Retire ${t.name}`}>Retire</button>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
