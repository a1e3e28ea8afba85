/** The main window's entry. */
import { startWindow } from './bootstrap';
import { App } from './App';
import './styles/app.css';

await startWindow(<App />);
