// Asks the core which entities a name being created or renamed may duplicate
// (entities.similar), shortly after the typing stops, and again at once when the user
// saves, so the question "same as …?" is never skipped by a quick Enter.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SimilarEntity } from '../../../shared/api';
import { useCommands } from '../workbench/context';

const SETTLE_MS = 250;

export interface SimilarEntities {
  /** The entities like the name as last typed (empty until known). */
  similar: SimilarEntity[];
  /** The same, asked now: what a save must wait for. */
  check: () => Promise<SimilarEntity[]>;
}

export function useSimilarEntities(
  name: string,
  aliases: readonly string[],
  exceptId?: string,
  enabled = true,
): SimilarEntities {
  const { similarEntities } = useCommands();
  const key = JSON.stringify([name.trim(), aliases, exceptId ?? '']);
  const [answer, setAnswer] = useState<{ asked: string; similar: SimilarEntity[] }>({
    asked: '',
    similar: [],
  });
  const latest = useRef(key);
  useEffect(() => {
    latest.current = key;
  }, [key]);
  const ask = useCallback(async (): Promise<SimilarEntity[]> => {
    const [trimmed, names, except] = JSON.parse(key) as [string, string[], string];
    const similar = await similarEntities(trimmed, names, except || undefined);
    // An answer about a name since changed is not shown.
    if (latest.current === key) setAnswer({ asked: key, similar });
    return similar;
  }, [similarEntities, key]);
  useEffect(() => {
    if (!enabled) return;
    const timer = setTimeout(() => void ask(), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [ask, enabled]);
  return {
    similar: enabled && answer.asked === key ? answer.similar : [],
    check: () =>
      enabled
        ? answer.asked === key
          ? Promise.resolve(answer.similar)
          : ask()
        : Promise.resolve([]),
  };
}
