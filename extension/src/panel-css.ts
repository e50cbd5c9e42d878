// The in-page button and panel's own styles, inside the shadow root (the page's cannot reach).
export const PANEL_CSS = `
:host { all: initial; }
* { box-sizing: border-box; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
[hidden] { display: none !important; }
.verify, .panel { position: absolute; color: #14213d; background: #fff; border: 1px solid #9aa5b8;
  border-radius: 6px; box-shadow: 0 4px 14px rgba(20, 33, 61, 0.18); }
.verify { padding: 4px 10px; cursor: pointer; font-weight: 600; background: #0b5cad; color: #fff; border-color: #0b5cad; }
.verify:focus-visible, .action:focus-visible, .close:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
.panel { width: 330px; padding: 10px 32px 10px 12px; }
.panel p { margin: 6px 0 0; color: #3d4a63; }
.words { font-weight: 600; }
.verdict-verified { color: #0a6b32; }
.verdict-check_name, .verdict-paid_no_name, .verdict-waiting, .verdict-needs_attention { color: #8a4b00; }
.verdict-name_mismatch, .verdict-wallet, .verdict-failed, .verdict-not_created { color: #b00020; }
.actions { display: flex; gap: 8px; margin-top: 8px; }
.actions:empty { display: none; }
.action { padding: 4px 10px; border-radius: 4px; border: 1px solid #0b5cad; background: #0b5cad; color: #fff;
  cursor: pointer; text-decoration: none; font-weight: 600; }
.close { position: absolute; top: 4px; right: 4px; width: 24px; height: 24px; border: 0; background: transparent;
  cursor: pointer; font-size: 18px; line-height: 1; color: #3d4a63; }
@media (prefers-color-scheme: dark) {
  .panel { background: #1c2333; color: #e8ecf4; border-color: #4a5670; }
  .panel p, .close { color: #c3cad8; }
  .verdict-verified { color: #5fd38d; }
  .verdict-check_name, .verdict-paid_no_name, .verdict-waiting, .verdict-needs_attention { color: #f5b85c; }
  .verdict-name_mismatch, .verdict-wallet, .verdict-failed, .verdict-not_created { color: #ff7b8a; }
}
`;
