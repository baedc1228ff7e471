import * as vscode from 'vscode';
import { screenshot, waitFor, queryDom } from '../harness';

describe('screenshots: welcome', () => {
  it('captures the views before a registry is configured', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
    await waitFor('welcome content', async () => ((await queryDom('.welcome-view-content')).length > 0 ? true : undefined));
    await new Promise((r) => setTimeout(r, 500));
    await screenshot('welcome');
  });
});
