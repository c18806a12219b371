/**
 * OpenSeadragon on its own script chunk (lazy/chunk.ts).
 *
 * It is two thirds of the renderer's script (348 kB minified), and no visitor needs it before they
 * open an object. In the main bundle it was parsed and run before the attract screen could show.
 * Should a visitor's first tap on an object come before the chunk, the viewer waits for it, and
 * the still image covers the wait.
 */
import type OpenSeadragon from 'openseadragon';
import { chunk } from './chunk';

const openSeadragon = chunk<typeof OpenSeadragon>(() => import('openseadragon').then((module) => module.default));

export const loadOpenSeadragon = openSeadragon.load;
export const preloadOpenSeadragon = openSeadragon.preload;
