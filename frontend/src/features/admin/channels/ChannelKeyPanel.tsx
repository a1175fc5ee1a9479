import { useEffect, useId, useRef, useState } from 'react';
import type { ChannelWithKeyDto } from '@autofunnel/shared';

const EXAMPLE_LEAD = '{"name":"Maria Gonzalez","phone":"+1 212 555 2368","vehicleInterest":"Toyota RAV4"}';

/** A request that sends one lead with the key, to try it or to give to whoever connects the form. */
function intakeCurlExample(apiKey: string, origin: string): string {
  return [
    `curl -X POST '${origin}/api/intake/forms' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -H 'X-Api-Key: ${apiKey}' \\`,
    `  -d '${EXAMPLE_LEAD}'`,
  ].join('\n');
}

type CopyState = 'idle' | 'copied' | 'unavailable';

const COPY_NOTES: Record<CopyState, string> = {
  idle: '',
  copied: 'Copied.',
  unavailable: 'This browser does not allow copying here: select the key and copy it by hand.',
};

/**
 * The key of a channel just added or rotated. The server keeps only its hash, so this is the
 * one time it can be seen. Give each key its own `key` prop, so a new key starts afresh.
 */
export function ChannelKeyPanel({ channel, onDismiss }: { channel: ChannelWithKeyDto; onDismiss(): void }) {
  const titleId = useId();
  const panel = useRef<HTMLElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');

  // it appears above the list as a dialog closes: bring it into view and to the keyboard
  useEffect(() => {
    panel.current?.focus();
    panel.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);

  async function copyKey() {
    // navigator.clipboard exists only on secure pages (https, localhost), and may be refused
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(channel.apiKey);
      setCopy('copied');
    } catch {
      setCopy('unavailable');
    }
  }

  return (
    <section ref={panel} className="key-panel" aria-labelledby={titleId} tabIndex={-1}>
      <h2 id={titleId} className="key-panel__title">
        API key of “{channel.name}”
      </h2>
      <p>Copy it now and give it to whoever sends you these leads. It will not be shown again; if it is lost, rotate the key to get a new one.</p>
      <div className="key-panel__key">
        <code className="key-panel__value">{channel.apiKey}</code>
        <button type="button" className="button button--secondary button--small" onClick={() => void copyKey()}>
          Copy
        </button>
        <span className="muted small" role="status">
          {COPY_NOTES[copy]}
        </span>
      </div>
      <p className="muted small">Each request sends the key in the X-Api-Key header, for example:</p>
      <pre className="key-panel__example">
        <code>{intakeCurlExample(channel.apiKey, window.location.origin)}</code>
      </pre>
      <div className="form-actions">
        <button type="button" className="button button--primary" onClick={onDismiss}>
          I have saved the key
        </button>
      </div>
    </section>
  );
}
