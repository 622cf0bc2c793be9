/**
 * The React 19 host (demo/react): React passes the client as a property, listens to the
 * elements' events through `on<event-name>` props, and switches views with its own state.
 */
import { createRoot, type Root } from 'react-dom/client';
import { App } from '../../demo/react/App.js';
import { describeHostJourney } from './support.js';

let root: Root | undefined;

describeHostJourney('the React host (demo/react)', {
  mount(host, client) {
    root = createRoot(host);
    root.render(<App client={client} />);
  },
  unmount() {
    root?.unmount();
    root = undefined;
  },
});
