// The browser preview's entry: WeChat's component runtime (miniprogram-simulate → j-component →
// exparser) with the preview's file access, built-ins, wx APIs and phone, then the app's first page.
import './styles/base.css';
import './styles/frame.css';
import './styles/overlays.css';
import 'preview:vant-icons.css';
import { runApp } from 'preview:app';
import 'miniprogram-simulate';
import { utils as jComponentUtils } from '../vendor/j-component.cjs';
import { exposeBridge } from '../shared/bridge';
import { installAnimations } from './animation';
import { installAria } from './aria';
import { registerBuiltIns } from './builtins';
import { connectChrome } from './chrome';
import { installErrorReporting } from './errors';
import { createFrame } from './frame';
import { captureComponentDefinitions } from './modules';
import { installRelationScoping } from './relations';
import { firstRoute, navigateBack, reLaunch, switchTab, topPage } from './router';
import { rpxToPx } from './rpx';
import { installTouchBridge } from './touch';
import { installWx, launchApp } from './wx';
import { clearOverlays } from './wx/overlays';
import { acceptedSubscriptions } from './wx/system';

function boot(): void {
  // Inline styles (style="…{{}}rpx") go through j-component's converter, WXSS through ours.
  jComponentUtils.transformRpx = (style: string) => rpxToPx(style);
  installErrorReporting();
  captureComponentDefinitions();
  installAnimations();
  installAria();
  installRelationScoping();
  registerBuiltIns();
  installWx();

  const host = document.getElementById('phone');
  if (!host) throw new Error('preview: index.html has no #phone');
  const frame = createFrame(host);
  installTouchBridge(frame.viewport);
  const home = firstRoute();
  connectChrome({
    back: () => navigateBack(1),
    home: () => reLaunch(`/${home}`),
    switchTab: (route) => switchTab(`/${route}`),
  });

  runApp();
  launchApp(home);
  reLaunch(`/${home}`);
  exposeBridge({
    // The panel's restart (a new identity or clock) starts clean: nothing of the previous run stays drawn over it.
    relaunchHome: () => {
      clearOverlays();
      reLaunch(`/${home}`);
    },
    currentPage: () => {
      const top = topPage();
      if (!top) return '';
      const query = new URLSearchParams(top.query).toString();
      return query ? `${top.route}?${query}` : top.route;
    },
    subscriptions: acceptedSubscriptions,
  });
}

boot();
