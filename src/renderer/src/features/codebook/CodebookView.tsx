// The codebook, as one view of the middle column: the workspace's highlight kinds (names,
// colours and the order that gives their reader keys), its codes in their hierarchy (the
// tags highlights carry, filed under each other) and the relations links between
// highlights can say. Every change is one undoable step.
import '../../styles/codebook.css';
import { selectCodebook } from '../../store/codebook';
import { useSelector } from '../../workbench/context';
import { CodesEditor } from './CodesEditor';
import { KindsEditor } from './KindsEditor';
import { RelationsEditor } from './RelationsEditor';

export function CodebookView({ readOnly }: { readOnly: boolean }): React.JSX.Element {
  const codebook = useSelector(selectCodebook);
  return (
    <section className="research codebook" aria-labelledby="codebook-heading">
      <h1 id="codebook-heading">Codebook</h1>
      <p className="muted">
        The kinds a highlight can be, the codes it can carry (filed in a hierarchy: choosing a code
        anywhere takes in the codes under it) and what a link between two highlights can say. Export
        it alone as a REFI-QDA codebook (.qdc), or import one, with Export… and Import files…
      </p>
      <KindsEditor kinds={codebook.kinds} readOnly={readOnly} />
      <CodesEditor codebook={codebook} readOnly={readOnly} />
      <RelationsEditor relations={codebook.relations} readOnly={readOnly} />
    </section>
  );
}
