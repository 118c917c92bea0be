// The hand replayer: a stored hand stepped through action by action.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../shared/api.ts';
import { Felt } from '../../shared/Felt.tsx';
import { formatDateTime, formatSigned, variantName } from '../../shared/format.ts';
import { Link } from '../../shared/router.tsx';
import { token } from '../state.ts';
import { replayFrames, type Frame, type HandDetail } from './replay.ts';

const PLAY_MS = 900;

export function Replayer({ handId }: { handId: string }) {
  const [hand, setHand] = useState<HandDetail | null>(null);
  const [frames, setFrames] = useState<Frame[]>([]);
  const [step, setStep] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    api<HandDetail>(`/api/me/hands/${encodeURIComponent(handId)}`, { token: token() }).then((detail) => {
      setHand(detail);
      setFrames(replayFrames(detail));
      setStep(0);
    }, (e: Error) => setError(e.message));
  }, [handId]);

  useEffect(() => {
    if (!playing) return;
    if (step >= frames.length - 1) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => setStep((s) => Math.min(frames.length - 1, s + 1)), PLAY_MS);
    return () => clearTimeout(timer);
  }, [playing, step, frames.length]);

  if (error) return <main class="replayer"><p class="error" role="alert">{error}</p><Link href="/history">Back to your history</Link></main>;
  if (!hand || frames.length === 0) return <main class="replayer"><p class="muted" role="status">Loading the hand…</p></main>;
  const frame = frames[step];
  const last = frames.length - 1;
  return (
    <main class="replayer">
      <header class="table-head">
        <div>
          <h1>{`Hand #${hand.handNumber}`}</h1>
          <p class="table-sub">{`${variantName(hand.variant)} · ${formatDateTime(hand.endedAt)} · you ${formatSigned(hand.net)}`}</p>
        </div>
        <Link href="/history" class="button quiet">Your history</Link>
      </header>
      <Felt model={frame.model} />
      <p class="replay-step" role="status" aria-live="polite">{`Step ${step + 1} of ${frames.length}: ${frame.text}`}</p>
      <div class="replay-controls" role="group" aria-label="Replay">
        <button type="button" onClick={() => setStep(0)} disabled={step === 0}>Start</button>
        <button type="button" onClick={() => setStep(Math.max(0, step - 1))} disabled={step === 0}>Previous</button>
        <button type="button" class="primary" onClick={() => { if (step >= last) setStep(0); setPlaying(!playing); }}>{playing ? 'Pause' : 'Play'}</button>
        <button type="button" onClick={() => setStep(Math.min(last, step + 1))} disabled={step === last}>Next</button>
        <button type="button" onClick={() => setStep(last)} disabled={step === last}>End</button>
        <input type="range" aria-label="Step" min={0} max={last} value={step} onInput={(e) => { setPlaying(false); setStep(Number(e.currentTarget.value)); }} />
      </div>
      <ol class="replay-list" aria-label="Steps">
        {frames.map((f, i) => (
          <li key={i} class={i === step ? 'current' : ''}>
            <button type="button" class="link" aria-current={i === step ? 'step' : undefined} onClick={() => { setPlaying(false); setStep(i); }}>{f.text}</button>
          </li>
        ))}
      </ol>
    </main>
  );
}
