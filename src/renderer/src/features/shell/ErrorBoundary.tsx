// One part of the window failing (a view meeting data it did not expect) must never blank
// the rest: each view, column and bar renders inside a boundary that shows what failed, in
// its own place, with a way to try again; everything around it keeps working. `resetKey`
// starts the part afresh when what it shows changes (another view, another document).
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What this part is, for the message ("The co-occurrence view"). */
  name: string;
  /** When it changes, a failed part is tried again. */
  resetKey?: string | number | null;
  children: ReactNode;
}

interface State {
  error: Error | null;
  key: Props['resetKey'];
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.name} failed:`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="part-failed" role="alert">
        <p>
          {this.props.name} could not be shown: {error.message || 'an unexpected error'}. The rest
          of the workbench is unaffected, and nothing was changed.
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
