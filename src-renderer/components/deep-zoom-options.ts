/**
 * How the kiosk's deep-zoom viewer is set up (DeepZoom.svelte): touch gestures a visitor expects,
 * no OpenSeadragon controls of its own, and the whole image as the least a visitor can see.
 */
import type OpenSeadragon from 'openseadragon';

/** Each button press and double-tap doubles or halves the magnification. */
export const ZOOM_STEP = 2;

export function viewerOptions(
  element: HTMLElement,
  tileSources: OpenSeadragon.Options['tileSources'],
  { reducedMotion }: { reducedMotion: boolean },
): OpenSeadragon.Options {
  return {
    element,
    tileSources,
    // Canvas, not WebGL: it is the same on every machine, also after the GPU guard has turned
    // hardware acceleration off (issue 3).
    drawer: 'canvas',
    // Visitors have the component's large buttons; OpenSeadragon's would load image assets and
    // are too small for a standing visitor.
    showNavigationControl: false,
    showNavigator: false,
    showSequenceControl: false,
    // With no controls there is nothing to fade, but OpenSeadragon still ran its fade: a frame
    // loop from 2 s after every open and zoom until 3.5 s after the last one, even after the
    // viewer was destroyed. It kept Chromium drawing frames through the visitor's next taps.
    autoHideControls: false,
    // OpenSeadragon's keys would also rotate and flip the image.
    keyboardNavEnabled: false,
    tabIndex: -1,
    crossOriginPolicy: false,
    blendTime: 0,
    // The best level first: the display image covers the wait, so the blurry levels below it
    // would only delay the first sharp frame.
    immediateRender: true,
    animationTime: reducedMotion ? 0 : 0.8,
    // The whole image is the least a visitor can see, and it can never be lost off screen.
    minZoomImageRatio: 1,
    visibilityRatio: 1,
    constrainDuringPan: true,
    maxZoomPixelRatio: 2,
    zoomPerClick: ZOOM_STEP,
    gestureSettingsTouch: {
      dragToPan: true, pinchToZoom: true, dblClickToZoom: true, flickEnabled: !reducedMotion,
      clickToZoom: false, dblClickDragToZoom: false, scrollToZoom: false, pinchRotate: false,
    },
    gestureSettingsPen: { dragToPan: true, dblClickToZoom: true, clickToZoom: false, dblClickDragToZoom: false },
    gestureSettingsMouse: { dragToPan: true, dblClickToZoom: true, scrollToZoom: true, clickToZoom: false },
  };
}
