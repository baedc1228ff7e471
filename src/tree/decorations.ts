// Colours and badges of versions and servers, read from the state encoded in their `mcp-versions-status:` URIs.
import * as vscode from 'vscode';
import { STATUS_SCHEME } from './items';
import { decodeStatusQuery, statusLook } from './statusBadge';

export class StatusDecorationProvider implements vscode.FileDecorationProvider {
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== STATUS_SCHEME) return undefined;
    const look = statusLook(decodeStatusQuery(uri.query));
    if (!look) return undefined;
    const decoration = new vscode.FileDecoration(look.badge, look.tooltip, look.color ? new vscode.ThemeColor(look.color) : undefined);
    decoration.propagate = false;
    return decoration;
  }
}
