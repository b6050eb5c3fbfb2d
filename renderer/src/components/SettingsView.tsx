/**
 * Settings: privacy switches and the model used for tailoring (a local GGUF file, or an
 * OpenAI-compatible server), with downloads, connection test and API keys.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { MethodOutput } from '../../../shared/contract';
import { isAppError } from '../../../shared/errors';
import type { Settings } from '../../../shared/model/library';
import { REMOTE_PRESETS, type ProviderConfig, type RemoteProviderConfig } from '../../../shared/model/provider-config';
import { useApi, useWorkspace } from '../state/store-context';

type ModelList = MethodOutput<'listModels'>;
type DownloadState = { taskId: string; fraction: number | null; detail: string };

function errorText(error: unknown): string {
  return isAppError(error) ? error.message : 'Something went wrong.';
}

function formatBytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.round(bytes / 1e6)} MB`;
}

/** "Ranked for this computer: 16 GB RAM, 8 CPU threads, GPU NVIDIA GeForce RTX 3060 with 12 GB." (no GPU part without one) */
function machineSummary(machine: {
  totalRamBytes: number;
  cpuThreads: number;
  gpu?: { name: string; vramBytes: number } | null;
}): string {
  const gigabytes = (bytes: number) => `${Math.round(bytes / 1024 ** 3)} GB`;
  const gpu = machine.gpu ? `, GPU ${machine.gpu.name} with ${gigabytes(machine.gpu.vramBytes)}` : '';
  return `Ranked for this computer: ${gigabytes(machine.totalRamBytes)} RAM, ${machine.cpuThreads} CPU threads${gpu}.`;
}

function formatParameters(count: number): string {
  if (count >= 1e9) return `${(count / 1e9).toFixed(1)} B parameters`;
  if (count >= 1e6) return `${Math.round(count / 1e6)} M parameters`;
  return `${Math.round(count / 1e3)} K parameters`;
}

function Toggle({ label, hint, checked, onChange }: { label: string; hint: string; checked: boolean; onChange: (value: boolean) => void }) {
  const id = useId();
  return (
    <div className="toggle-row">
      <div>
        <label htmlFor={id} className="toggle-label">
          {label}
        </label>
        <p className="item-meta">{hint}</p>
      </div>
      <input id={id} type="checkbox" role="switch" className="switch" checked={checked} onChange={(event) => onChange(event.target.checked)} />
    </div>
  );
}

/** The settings page. */
export function SettingsView() {
  const api = useApi();
  const showToast = useWorkspace((state) => state.showToast);
  const dataDir = useWorkspace((state) => state.dataDir);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [models, setModels] = useState<ModelList | null>(null);
  const [modelsError, setModelsError] = useState<string | null>(null);
  const [downloads, setDownloads] = useState<Record<string, DownloadState>>({});
  const [newPath, setNewPath] = useState('');

  // Listings can finish out of order (each reads every model's header): only the latest counts.
  const listing = useRef(0);
  const refreshModels = useCallback(async () => {
    const request = ++listing.current;
    try {
      const list = await api.listModels({});
      if (request !== listing.current) return;
      setModels(list);
      setModelsError(null);
    } catch (error) {
      if (request === listing.current) setModelsError(errorText(error));
    }
  }, [api]);

  useEffect(() => {
    void api.getSettings({}).then(setSettings);
    const request = ++listing.current;
    api.listModels({}).then(
      (list) => {
        if (request === listing.current) setModels(list);
      },
      (error: unknown) => {
        if (request === listing.current) setModelsError(errorText(error));
      },
    );
  }, [api]);

  useEffect(
    () =>
      api.onTaskProgress((progress) => {
        if (progress.kind !== 'download') return;
        setDownloads((current) => {
          const entry = Object.entries(current).find(([, state]) => state.taskId === progress.taskId);
          if (!entry) return current;
          return { ...current, [entry[0]]: { taskId: progress.taskId, fraction: progress.fraction, detail: progress.detail } };
        });
      }),
    [api],
  );

  const update = async (patch: Partial<Settings>) => {
    try {
      setSettings(await api.updateSettings(patch));
    } catch (error) {
      showToast(errorText(error), 'error');
    }
  };

  const download = async (model: ModelList['recommended'][number]) => {
    const taskId = `download-${model.id.replace(/[^A-Za-z0-9_-]/g, '-')}-${Date.now()}`;
    setDownloads((current) => ({ ...current, [model.id]: { taskId, fraction: 0, detail: 'Starting…' } }));
    try {
      const result = await api.downloadModel({ uri: model.uri, sha256: model.sha256, taskId });
      showToast(`Downloaded ${model.name}.`);
      await refreshModels();
      if (!settings?.provider) await update({ provider: { kind: 'local', modelPath: result.path } });
    } catch (error) {
      if (!(isAppError(error) && error.code === 'cancelled')) showToast(`Download failed: ${errorText(error)}`, 'error');
    } finally {
      setDownloads((current) => {
        const next = { ...current };
        delete next[model.id];
        return next;
      });
    }
  };

  if (!settings) return <p className="loading">Loading settings…</p>;
  const provider = settings.provider;
  const mode = provider?.kind ?? 'none';
  const chosenModel = provider?.kind === 'local' ? models?.local.find((entry) => entry.path === provider.modelPath) : undefined;
  const chosenContext = chosenModel?.info?.contextLength ?? undefined;
  // The context node-llama-cpp's estimate fits in this computer's memory.
  const fittingContext = chosenModel?.fit?.contextSize;

  return (
    <div className="settings">
      <section className="editor-section" aria-labelledby="privacy-title">
        <h2 id="privacy-title">Privacy</h2>
        <Toggle
          label="Offline mode"
          hint="Blocks every connection that would leave this computer: remote servers and model downloads. Local models and servers on this machine keep working."
          checked={settings.offline}
          onChange={(value) => void update({ offline: value })}
        />
        <Toggle
          label="Hide my identity from remote servers"
          hint="Replaces your name, email, phone, address and profile links with placeholders before anything is sent to a remote server, and puts them back in the result."
          checked={settings.anonymizeRemote}
          onChange={(value) => void update({ anonymizeRemote: value })}
        />
        <p className="item-meta">Your library is stored in {dataDir}. API keys are protected by your system's key store and never saved in plain text.</p>
      </section>

      <section className="editor-section" aria-labelledby="model-title">
        <h2 id="model-title">Model for tailoring and letters</h2>
        <div className="segmented-tabs" role="radiogroup" aria-label="Model source">
          {(
            [
              ['none', 'No model'],
              ['local', 'Local model (GGUF)'],
              ['remote', 'Server (OpenAI-compatible)'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className={`tab ${mode === value ? 'active' : ''}`}>
              <input
                type="radio"
                name="model-source"
                checked={mode === value}
                onChange={() => {
                  if (value === 'none') void update({ provider: null });
                  if (value === 'local') {
                    void (async () => {
                      // The list may still be loading: wait for it rather than report no model.
                      const list =
                        models ??
                        (await api.listModels({}).then(
                          (loaded) => (setModels(loaded), loaded),
                          () => null,
                        ));
                      const first = list?.local.find((entry) => entry.info);
                      await update({ provider: first ? { kind: 'local', modelPath: first.path } : null });
                      if (!first) showToast('Download or add a .gguf model below, then choose it.');
                    })();
                  }
                  if (value === 'remote') {
                    const preset = REMOTE_PRESETS[1];
                    void update({ provider: { kind: 'remote', providerId: preset.id, baseUrl: preset.baseUrl, model: 'model' } });
                  }
                }}
              />
              {label}
            </label>
          ))}
        </div>
        {mode === 'none' && (
          <p className="hint">
            Without a model, CV Tailor still imports, analyses jobs, reorders your bullets and skills by relevance, and exports. Choose a
            model to get rewrites and cover letters.
          </p>
        )}
        {mode !== 'remote' && (
          <LocalModels
            models={models}
            error={modelsError}
            provider={provider}
            downloads={downloads}
            offline={settings.offline}
            onChoose={(modelPath) => void update({ provider: { kind: 'local', modelPath } })}
            onDownload={(model) => void download(model)}
            onCancel={(taskId) => void api.cancelTask({ taskId })}
          />
        )}
        {mode === 'local' && provider?.kind === 'local' && (
          <div className="grid two">
            <NumberField
              label="CPU threads (blank = measured automatically)"
              value={provider.threads}
              min={1}
              max={256}
              onCommit={(threads) => void update({ provider: { ...provider, threads } })}
            />
            <NumberField
              label={`Context size in tokens (blank = the model's own, capped for memory${chosenContext ? `; this model supports up to ${chosenContext.toLocaleString()}` : ''}${fittingContext ? `, about ${fittingContext.toLocaleString()} fit in this computer's memory` : ''})`}
              value={provider.contextSize}
              min={256}
              max={chosenContext ?? 1_048_576}
              onCommit={(contextSize) => void update({ provider: { ...provider, contextSize } })}
            />
          </div>
        )}
        {mode !== 'remote' && (
          <form
            className="add-path"
            onSubmit={(event) => {
              event.preventDefault();
              const value = newPath.trim();
              if (!value) return;
              setNewPath('');
              void update({ modelPaths: [...settings.modelPaths, value] }).then(refreshModels);
            }}
          >
            <label htmlFor="model-path">Add a .gguf file or a folder of models</label>
            <div className="inline-form">
              <input id="model-path" value={newPath} placeholder="/home/me/models" onChange={(event) => setNewPath(event.target.value)} />
              <button type="submit" className="secondary" disabled={!newPath.trim()}>
                Add
              </button>
            </div>
            {settings.modelPaths.length > 0 && (
              <ul className="path-list">
                {settings.modelPaths.map((entry) => (
                  <li key={entry}>
                    <code>{entry}</code>
                    <button
                      type="button"
                      className="icon danger"
                      aria-label={`Stop looking in ${entry}`}
                      onClick={() => void update({ modelPaths: settings.modelPaths.filter((other) => other !== entry) }).then(refreshModels)}
                    >
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </form>
        )}
        {mode === 'remote' && provider?.kind === 'remote' && (
          <RemoteSettings
            provider={provider}
            offline={settings.offline}
            onSave={(config) => update({ provider: config }).then(() => showToast(`Tailoring will use ${config.model} at ${config.baseUrl}.`))}
          />
        )}
        {mode === 'remote' && (
          <NumberField
            label="Parallel requests: jobs the queue sends to the server at once (a local model always takes one at a time)"
            value={settings.parallelRequests}
            min={1}
            max={16}
            onCommit={(parallelRequests) => void update({ parallelRequests: parallelRequests ?? 1 })}
          />
        )}
      </section>
    </div>
  );
}

function NumberField({
  label,
  value,
  min,
  max,
  onCommit,
}: {
  label: string;
  value: number | undefined;
  min: number;
  max: number;
  onCommit: (value: number | undefined) => void;
}) {
  const id = useId();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [problem, setProblem] = useState<string | null>(null);
  const commit = () => {
    const trimmed = text.trim();
    setProblem(null);
    if (!trimmed) return onCommit(undefined);
    const number = Number(trimmed);
    if (Number.isInteger(number) && number >= min && number <= max) onCommit(number);
    else setProblem(`Enter a whole number from ${min.toLocaleString()} to ${max.toLocaleString()}; the setting was not changed.`);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="numeric"
        value={text}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
      />
      {problem && (
        <p id={`${id}-problem`} className="form-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

function LocalModels(props: {
  models: ModelList | null;
  error: string | null;
  provider: ProviderConfig | null;
  downloads: Record<string, DownloadState>;
  offline: boolean;
  onChoose: (path: string) => void;
  onDownload: (model: ModelList['recommended'][number]) => void;
  onCancel: (taskId: string) => void;
}) {
  const { models, error, provider, downloads, offline } = props;
  if (error) return <p className="form-error">{error}</p>;
  if (!models) return <p className="item-meta">Looking for models…</p>;
  const chosen = provider?.kind === 'local' ? provider.modelPath : null;
  const present = new Set(models.local.map((entry) => entry.fileName));
  return (
    <div className="models">
      <h3>Models on this computer</h3>
      {models.local.length === 0 ? (
        <p className="item-meta">No .gguf models found yet in {models.modelsDir}.</p>
      ) : (
        <ul className="model-list" aria-label="Models on this computer">
          {models.local.map((entry) => (
            <li key={entry.path} className={entry.path === chosen ? 'chosen' : ''}>
              <label className="choice">
                <input type="radio" name="local-model" disabled={!entry.info} checked={entry.path === chosen} onChange={() => props.onChoose(entry.path)} />
                <span>
                  <strong>{entry.info?.name ?? entry.fileName}</strong>
                  <span className="item-meta">
                    {entry.info
                      ? [
                          formatParameters(entry.info.parameterCount),
                          entry.info.quantization,
                          entry.info.contextLength ? `${entry.info.contextLength.toLocaleString()} tokens context` : null,
                          formatBytes(entry.sizeBytes),
                        ]
                          .filter(Boolean)
                          .join(' · ')
                      : entry.error}
                  </span>
                  {entry.fit && (
                    <span className={`item-meta fit fit-${entry.fit.level ?? (entry.fit.compatibility > 0 ? 'comfortable' : 'too-large')}`}>
                      {entry.fit.reason}
                    </span>
                  )}
                  <span className="item-meta model-path">{entry.path}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <h3>Recommended downloads</h3>
      {offline && <p className="item-meta">Downloads are blocked while offline mode is on.</p>}
      {models.machine && <p className="item-meta">{machineSummary(models.machine)}</p>}
      <ul className="model-list" aria-label="Recommended downloads">
        {models.recommended.map((model) => {
          const state = downloads[model.id];
          const fileName = model.uri.split('/').pop() ?? '';
          return (
            <li key={model.id}>
              <div className="model-row">
                <span>
                  <strong>{model.name}</strong>
                  {model.fit?.best && <span className="badge">Best fit for this computer</span>}
                  <span className="item-meta">
                    {' '}
                    · {formatBytes(model.approxSizeBytes)}
                    {model.fit ? '' : ` · needs about ${model.ramGb} GB RAM`} · {model.licence}
                    {model.languages?.length ? ` · ${languageList(model.languages)}` : ''}
                  </span>
                  {model.fit && <span className={`item-meta fit fit-${model.fit.level}`}>{model.fit.reason}</span>}
                </span>
                {state ? (
                  <button type="button" className="secondary small" onClick={() => props.onCancel(state.taskId)}>
                    Cancel
                  </button>
                ) : present.has(fileName) ? (
                  <span className="item-meta">Downloaded</span>
                ) : (
                  <button type="button" className="secondary small" disabled={offline} onClick={() => props.onDownload(model)}>
                    Download
                  </button>
                )}
              </div>
              {state && (
                <div className="download-progress">
                  <progress max={1} value={state.fraction ?? undefined} aria-label={`Downloading ${model.name}`} />
                  <span className="item-meta">{state.detail}</span>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The first few languages of a model, then how many more ("English, German, French +10 more"). */
function languageList(languages: string[]): string {
  const shown = languages.slice(0, 4).join(', ');
  return languages.length > 4 ? `${shown} +${languages.length - 4} more` : shown;
}

function RemoteSettings({
  provider,
  offline,
  onSave,
}: {
  provider: RemoteProviderConfig;
  offline: boolean;
  onSave: (config: RemoteProviderConfig) => Promise<void>;
}) {
  const api = useApi();
  const [draft, setDraft] = useState(provider);
  const [keyStatus, setKeyStatus] = useState<{ providerId: string; isSet: boolean } | null>(null);
  const keyIsSet = keyStatus?.providerId === draft.providerId ? keyStatus.isSet : null;
  const setKeyIsSet = (isSet: boolean) => setKeyStatus({ providerId: draft.providerId, isSet });
  const [keyInput, setKeyInput] = useState('');
  const [keyError, setKeyError] = useState<string | null>(null);
  const [test, setTest] = useState<{ state: 'idle' | 'testing' } | { state: 'ok'; latencyMs: number; models: string[] } | { state: 'error'; message: string }>({
    state: 'idle',
  });
  const preset = REMOTE_PRESETS.find((candidate) => candidate.id === draft.providerId);
  const isLocalAddress = /^https?:\/\/(127\.|localhost|\[::1\])/.test(draft.baseUrl);

  useEffect(() => {
    const providerId = draft.providerId;
    api
      .getApiKeyStatus({ providerId })
      .then((status) => {
        setKeyStatus({ providerId, isSet: status.isSet });
        setKeyError(null);
      })
      .catch((error: unknown) => setKeyError(errorText(error)));
  }, [api, draft.providerId]);

  const runTest = async () => {
    setTest({ state: 'testing' });
    try {
      const result = await api.testConnection({ providerId: draft.providerId, baseUrl: draft.baseUrl });
      setTest({ state: 'ok', ...result });
    } catch (error) {
      setTest({ state: 'error', message: errorText(error) });
    }
  };

  return (
    <div className="remote-settings">
      <div className="grid two">
        <div className="field">
          <label htmlFor="preset">Server</label>
          <select
            id="preset"
            value={preset?.id ?? 'custom'}
            onChange={(event) => {
              const chosen = REMOTE_PRESETS.find((candidate) => candidate.id === event.target.value);
              setDraft(chosen ? { ...draft, providerId: chosen.id, baseUrl: chosen.baseUrl } : { ...draft, providerId: 'custom' });
              setTest({ state: 'idle' });
            }}
          >
            {REMOTE_PRESETS.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.label}
              </option>
            ))}
            <option value="custom">Other OpenAI-compatible server</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="base-url">Address (base URL)</label>
          <input id="base-url" value={draft.baseUrl} onChange={(event) => setDraft({ ...draft, baseUrl: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="model-name">Model</label>
          <input id="model-name" list="server-models" value={draft.model} onChange={(event) => setDraft({ ...draft, model: event.target.value })} />
          <datalist id="server-models">{test.state === 'ok' && test.models.map((model) => <option key={model} value={model} />)}</datalist>
        </div>
        <div className="field">
          <label htmlFor="timeout">Timeout (seconds)</label>
          <input
            id="timeout"
            inputMode="numeric"
            value={draft.timeoutMs ? String(draft.timeoutMs / 1000) : ''}
            placeholder="120"
            onChange={(event) => {
              const seconds = Number(event.target.value);
              setDraft({ ...draft, timeoutMs: event.target.value && Number.isFinite(seconds) && seconds >= 1 ? Math.round(seconds * 1000) : undefined });
            }}
          />
        </div>
      </div>
      <p className={`privacy-note ${isLocalAddress ? '' : 'remote'}`}>
        {isLocalAddress
          ? 'This server runs on this computer: nothing leaves it.'
          : 'This server is on another machine: your CV and the job posting are sent to it when you tailor or write a letter.'}
        {offline && !isLocalAddress ? ' Offline mode is on, so it cannot be reached.' : ''}
      </p>
      <div className="key-row">
        <span className="item-meta">
          API key: {keyError ? keyError : keyIsSet === null ? 'checking…' : keyIsSet ? 'stored in the system keychain' : 'not set'}
        </span>
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const key = keyInput;
            setKeyInput('');
            api
              .setApiKey({ providerId: draft.providerId, key })
              .then((status) => {
                setKeyIsSet(status.isSet);
                setKeyError(null);
              })
              .catch((error: unknown) => setKeyError(errorText(error)));
          }}
        >
          <input
            type="password"
            autoComplete="off"
            aria-label="API key"
            placeholder={preset?.needsApiKey === false ? 'Not needed for this server' : 'Paste the API key'}
            value={keyInput}
            onChange={(event) => setKeyInput(event.target.value)}
          />
          <button type="submit" className="secondary" disabled={!keyInput}>
            Save key
          </button>
          <button
            type="button"
            className="secondary danger"
            disabled={!keyIsSet}
            onClick={() =>
              api
                .clearApiKey({ providerId: draft.providerId })
                .then((status) => setKeyIsSet(status.isSet))
                .catch((error: unknown) => setKeyError(errorText(error)))
            }
          >
            Remove key
          </button>
        </form>
      </div>
      <div className="test-row">
        <button type="button" className="secondary" disabled={test.state === 'testing'} onClick={() => void runTest()}>
          {test.state === 'testing' ? 'Testing…' : 'Test connection'}
        </button>
        <span role="status" className={test.state === 'error' ? 'form-error' : 'item-meta'}>
          {test.state === 'ok' && `Connected in ${test.latencyMs} ms · ${test.models.length} model${test.models.length === 1 ? '' : 's'} available`}
          {test.state === 'error' && test.message}
        </span>
        <button type="button" className="primary" onClick={() => void onSave(draft)}>
          Use this server
        </button>
      </div>
    </div>
  );
}
