// The dashboard's sign-in: an admin's username and password.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../shared/api.ts';
import { Field } from '../shared/Field.tsx';
import type { Session } from '../shared/session.ts';
import { signIn } from './state.ts';

export function SignIn() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      const session = await api<Session>('/api/auth/login', { body: { username, password } });
      if (!session.user.isAdmin) setError('This account is not an admin. Ask an admin, or sign in to play at /.');
      else await signIn(session);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="sign-in">
      <h1>Felt admin</h1>
      <form class="form panel" onSubmit={submit}>
        <Field label="Username">{(props) => <input {...props} value={username} required autoComplete="username" onInput={(e) => setUsername(e.currentTarget.value)} />}</Field>
        <Field label="Password">{(props) => <input {...props} type="password" value={password} required autoComplete="current-password" onInput={(e) => setPassword(e.currentTarget.value)} />}</Field>
        {error && <p class="error" role="alert">{error}</p>}
        <button type="submit" class="primary" disabled={busy}>Sign in</button>
      </form>
    </main>
  );
}
