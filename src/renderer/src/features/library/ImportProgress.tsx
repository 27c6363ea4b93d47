// How far a running annotations import has come (reading the file, placing each
// annotation, saving), polled from the core, with the Cancel that stops it before it saves.
import { useEffect, useState } from 'react';
import type { ImportProgress as Progress } from '../../../../shared/methods/annotations';
import { useCommands } from '../../workbench/context';

/** Often enough to move the bar smoothly, rarely enough to cost the core nothing. */
const POLL_MS = 300;

function useImportProgress(jobId: string): Progress | null {
  const { importStatus } = useCommands();
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = (): void => {
      void importStatus(jobId)
        .then((next) => {
          if (stopped) return;
          setProgress(next);
          timer = setTimeout(poll, POLL_MS);
        })
        .catch(() => undefined);
    };
    poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [importStatus, jobId]);
  return progress;
}

const words = (p: Progress | null): string => {
  if (!p || p.phase === 'none' || p.phase === 'reading') return 'Reading the file…';
  if (p.phase === 'saving') return 'Saving the highlights…';
  return `Placing annotations: ${p.placed.toLocaleString()} of ${p.total.toLocaleString()}…`;
};

export function ImportProgress({
  jobId,
  onCancel,
}: {
  jobId: string;
  onCancel: () => void;
}): React.JSX.Element {
  const progress = useImportProgress(jobId);
  const placing = progress?.phase === 'placing';
  return (
    <div className="interchange-progress">
      <p role="status">{words(progress)}</p>
      <progress
        aria-label="Import progress"
        {...(placing ? { value: progress.placed, max: Math.max(1, progress.total) } : {})}
      />
      <button type="button" onClick={onCancel} disabled={progress?.phase === 'saving'}>
        Cancel import
      </button>
    </div>
  );
}
