// If a screen fails to draw, say so in words and keep the navigation working.
import { Component, type ReactNode } from 'react';

export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="notice notice-error" role="alert">
        <h1 id="page-heading" tabIndex={-1}>
          This screen could not be shown
        </h1>
        <p>Something went wrong while drawing it: {this.state.error.message}</p>
        <p>Your data has not been changed. Choose another screen above, or restart Scrutiny Pack.</p>
      </div>
    );
  }
}
