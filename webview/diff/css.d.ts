// Stylesheets imported for their side effect: esbuild emits them next to the bundle (dist/webview/diff.css).
declare module '*.css';
