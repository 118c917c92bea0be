// Sign in: as a guest (a name is optional), or with a username and password.
import { useState } from 'preact/hooks';
import { api, ApiError, type FieldErrors } from '../shared/api.ts';
import { Field } from '../shared/Field.tsx';
import type { Session } from '../shared/session.ts';
import { signIn } from './state.ts';

type Mode = 'guest' | 'login' | 'register';

export function SignIn() {
  const [mode, setMode] = useState<Mode>('guest');
  const [name, setName] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [fields, setFields] = useState<FieldErrors>({});

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError('');
    setFields({});
    try {
      const body = mode === 'guest' ? (name.trim() ? { name: name.trim() } : {}) : mode === 'register' && name.trim() ? { username, password, name: name.trim() } : { username, password };
      signIn(await api<Session>(`/api/auth/${mode}`, { body }));
    } catch (caught) {
      const failure = caught instanceof ApiError ? caught : new ApiError(0, 'unknown', String(caught));
      setError(failure.message);
      setFields(failure.fields);
    } finally {
      setBusy(false);
    }
  };

  const tab = (value: Mode, label: string) => (
    <button type="button" role="tab" aria-selected={mode === value} class={mode === value ? 'tab active' : 'tab'} onClick={() => { setMode(value); setError(''); setFields({}); }}>{label}</button>
  );

  return (
    <main class="sign-in">
      <h1>Felt</h1>
      <p class="lede">Sit at a table in seconds: play as a guest, or keep your chips and history with an account.</p>
      <div class="panel">
        <div role="tablist" aria-label="How to sign in" class="tabs">
          {tab('guest', 'Guest')}
          {tab('login', 'Log in')}
          {tab('register', 'Register')}
        </div>
        <form onSubmit={submit} class="form">
          {mode !== 'login' && (
            <Field label={mode === 'guest' ? 'Your name (optional)' : 'Display name (optional)'} error={fields.name}>
              {(props) => <input {...props} value={name} maxLength={24} autoComplete="nickname" onInput={(e) => setName(e.currentTarget.value)} />}
            </Field>
          )}
          {mode !== 'guest' && (
            <>
              <Field label="Username" error={fields.username}>
                {(props) => <input {...props} value={username} required autoComplete="username" onInput={(e) => setUsername(e.currentTarget.value)} />}
              </Field>
              <Field label="Password" error={fields.password}>
                {(props) => <input {...props} type="password" value={password} required autoComplete={mode === 'register' ? 'new-password' : 'current-password'} onInput={(e) => setPassword(e.currentTarget.value)} />}
              </Field>
            </>
          )}
          {error && <p class="error" role="alert">{error}</p>}
          <button type="submit" class="primary" disabled={busy}>
            {mode === 'guest' ? 'Play as guest' : mode === 'login' ? 'Log in' : 'Create account'}
          </button>
        </form>
      </div>
    </main>
  );
}
