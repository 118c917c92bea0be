// Runs a table connection for a component and gives it the scene after every
// patch. Also where the patch-apply time is measured: from the patch's first
// byte decoded to the DOM that shows it (`felt.patch` measures).
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { nextScene, withoutFlights, type Scene } from './scene.ts';
import type { TableConnection } from './table-connection.ts';

/** How long chips fly (the CSS animation's length, and a little more). */
const FLIGHT_MS = 700;
/** Measures kept before the oldest are dropped (a bench reads them as they come, through a PerformanceObserver). */
const MEASURES_KEPT = 2_000;
let measures = 0;

export function useTableScene(connection: TableConnection): Scene | null {
  const [scene, setScene] = useState<Scene | null>(null);
  const sceneRef = useRef<Scene | null>(null);

  useEffect(() => {
    sceneRef.current = null;
    setScene(null);
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const off = connection.view.subscribe((view) => {
      if (!view) return;
      const before = sceneRef.current;
      const next = nextScene(before, view, Date.now());
      sceneRef.current = next;
      setScene(next);
      const landed = new Set(next.flights.filter((flight) => !before?.flights.some((f) => f.id === flight.id)).map((flight) => flight.id));
      if (landed.size === 0) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!sceneRef.current) return;
        sceneRef.current = withoutFlights(sceneRef.current, landed);
        setScene(sceneRef.current);
      }, FLIGHT_MS);
      timers.add(timer);
    });
    connection.start();
    return () => {
      off();
      for (const timer of timers) clearTimeout(timer);
      connection.stop();
    };
  }, [connection]);

  // Layout effects run once the DOM shows the render: the patch is applied.
  useLayoutEffect(() => {
    const started = connection.patchStartedAt;
    if (started === null) return;
    connection.patchStartedAt = null;
    performance.measure('felt.patch', { start: started, end: performance.now() });
    if (++measures >= MEASURES_KEPT) {
      measures = 0;
      performance.clearMeasures('felt.patch');
    }
  }, [scene]);

  return scene;
}
