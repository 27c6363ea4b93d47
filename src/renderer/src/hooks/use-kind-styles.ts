// Keeps the document's kind colours (lib/kind-styles.ts) in step with the codebook.
import { useEffect } from 'react';
import { applyKindStyles } from '../lib/kind-styles';
import { selectCodebook } from '../store/codebook';
import { useSelector } from '../workbench/context';

export function useKindStyles(): void {
  const codebook = useSelector(selectCodebook);
  useEffect(() => applyKindStyles(document, codebook.kinds), [codebook]);
}
