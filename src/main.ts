import { mount } from 'svelte';
import './state/language.svelte';
import { startLanguage } from './lib/locale';
import App from './components/App.svelte';
import './app.css';

startLanguage();
mount(App, { target: document.getElementById('app')! });
