import { render } from 'preact';
import '../shared/base.css';
import './play.css';
import { App } from './App.tsx';

render(<App />, document.getElementById('app')!);
