/** Styles of `<xc-attachments>`: the drop zone, the list of files with their thumbnails and tools, the preview dialog. */
import { css } from 'lit';

/** Styles of `<xc-attachments>` (its own shadow root; tokens come from src/base/styles.ts). */
export const attachmentStyles = css`
  :host {
    --_xc-thumb: var(--xc-attachments-thumb-size, 72px);
  }
  .box {
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    padding: var(--_xc-space);
    margin: 0;
    min-width: 0;
  }
  .box > legend {
    font-weight: 600;
    padding: 0 4px;
  }
  .drop {
    border: 2px dashed var(--_xc-border);
    border-radius: var(--_xc-radius);
    padding: var(--_xc-space);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
  }
  .drop > * {
    margin: 2px calc(var(--_xc-space) / 2) 2px 0;
  }
  .drop[data-over] {
    border-color: var(--_xc-primary);
    background: var(--_xc-bg-alt);
  }
  .drop .hint {
    flex: 1 1 12em;
    margin: 0;
  }
  /* 拍照 only where a camera is likely (touch screens); desktop pickers ignore capture anyway. */
  @media (hover: hover) and (pointer: fine) {
    .camera {
      display: none;
    }
  }
  .files {
    list-style: none;
    margin: var(--_xc-space) 0 0;
    padding: 0;
  }
  .file {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    border-top: 1px solid var(--_xc-bg-alt);
    padding: 4px 0;
  }
  .file > * {
    margin-inline-end: var(--_xc-space);
  }
  .thumb-button,
  .icon {
    flex: none;
    width: var(--_xc-thumb);
    height: var(--_xc-thumb);
    padding: 0;
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    background: var(--_xc-bg-alt);
    display: flex;
    align-items: center;
    justify-content: center;
    overflow: hidden;
  }
  .icon {
    font-weight: 700;
    color: var(--_xc-muted);
  }
  canvas.thumb {
    width: 100%;
    height: 100%;
    display: block;
  }
  .meta {
    flex: 1 1 10em;
    min-width: 0;
  }
  /* Long names wrap anywhere and stop after two lines; the full name is in the title and the rename box. */
  .name {
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
    overflow-wrap: anywhere;
    word-break: break-word;
    font-weight: 600;
  }
  .type {
    color: var(--_xc-muted);
    font-size: 0.9em;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
  }
  .tools button {
    margin: 2px 4px 2px 0;
  }
  .rename input {
    width: 100%;
  }
  .live:empty,
  .errors:empty,
  .pending:empty {
    display: none;
  }
  .live,
  .pending {
    margin: var(--_xc-space) 0 0;
  }
  .errors {
    margin: var(--_xc-space) 0 0;
    color: var(--_xc-error);
    font-weight: 600;
  }
  .errors ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .busy {
    margin: 4px 0 0;
  }
  dialog {
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    padding: var(--_xc-space);
    max-width: 96vw;
    max-height: 96vh;
    color: var(--_xc-fg);
    background: var(--_xc-bg);
  }
  dialog h2 {
    font-size: 1em;
    margin: 0 0 var(--_xc-space);
    overflow-wrap: anywhere;
  }
  dialog canvas {
    display: block;
    max-width: 100%;
    max-height: 80vh;
    height: auto;
    margin: 0 auto var(--_xc-space);
  }
  .empty {
    color: var(--_xc-muted);
    margin: 4px 0 0;
  }
`;
