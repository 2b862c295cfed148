import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { RouterOutlet } from '@angular/router';
import { UpdateBanner } from './shell/update-banner';

@Component({
  selector: 'tall-root',
  imports: [RouterOutlet, UpdateBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <tall-update-banner />
    <router-outlet />
  `,
})
export class App {
  constructor() {
    // Icons are Material Symbols (the lobby's product icons are named in that set).
    inject(MatIconRegistry).setDefaultFontSetClass('material-symbols-outlined');
  }
}
