import { SHORTCUTS } from './shortcuts';

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <section className="shortcuts-help" aria-labelledby="shortcuts-heading" data-testid="shortcuts-help">
      <div className="shortcuts-help__header">
        <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
        <button type="button" className="usa-button usa-button--unstyled" onClick={onClose}>
          Close<span className="usa-sr-only"> keyboard shortcuts</span>
        </button>
      </div>
      <table className="usa-table usa-table--borderless usa-table--compact">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="shortcuts-help__note">
        Shortcuts act on the highlighted criterion and pause while you type in a field.
      </p>
    </section>
  );
}
