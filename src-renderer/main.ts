/** Renderer entry: bundled fonts and styles, the kiosk guards, and the app mounted once. */
import '@fontsource-variable/source-serif-4';
import '@fontsource-variable/inter';
import './styles/global.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { withExhibitAskedEarly } from './api/asked-early';
import { createClient } from './api/client';
import { installKioskGuards } from './kiosk-guards';

installKioskGuards(window);

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element to mount the kiosk in.');

mount(App, { target, props: { api: withExhibitAskedEarly(createClient()) } });
