// "Print": the screen's print stylesheet (components/drill.css, @media print) hides the navigation
// and controls and shows every chart with its data table; the browser's own print dialog (in the
// desktop app, Electron's) then prints it or saves it as a PDF.
import './drill.css';

export function PrintButton({ what }: { what: string }) {
  return (
    <button type="button" className="button button-secondary no-print" onClick={() => window.print()}>
      Print {what}
    </button>
  );
}
