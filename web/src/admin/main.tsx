import { render } from 'preact';
import 'uplot/dist/uPlot.min.css';
import '../shared/base.css';
import './admin.css';
import { App } from './App.tsx';

render(<App />, document.getElementById('app')!);
