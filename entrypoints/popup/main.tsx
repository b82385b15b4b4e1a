import { render } from 'preact';

render(<main>Kontext</main>, document.getElementById('app')!);
