import { render } from 'preact';
import '../shared/base.css';

render(<p>Admin</p>, document.getElementById('app')!);
