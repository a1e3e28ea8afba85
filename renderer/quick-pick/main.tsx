/** The quick-pick window's own entry: same origin, same bridge, same languages and theme as the main window. */
import { startWindow } from '../bootstrap';
import { QuickPick } from './QuickPick';
import '../styles/app.css';
import './quick-pick.css';

await startWindow(<QuickPick />);
