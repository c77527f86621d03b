// The scan in localStorage: one key per model. Every save is read back to confirm it really happened.

const EMPTY = () => ({ aspects: {}, results: {}, notes: {}, step: null });

export function openStore(key, modelId, modelVersion) {
  let storage = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null; // blocked, e.g. by browser settings or a third-party iframe
  }
  const state = { schema: 1, model: modelId, model_version: modelVersion, updated: null, ...EMPTY() };
  let problem = storage ? null : "unavailable";
  if (storage) {
    const raw = readRaw(storage, key);
    if (raw !== null) {
      const parsed = parse(raw);
      if (parsed) {
        Object.assign(state, parsed);
      } else {
        // Never throw a scan away: keep the unreadable text under its own key and start clean.
        trySet(storage, `${key}:onleesbaar`, raw);
        problem = "unreadable";
      }
    }
  }

  const save = () => {
    state.updated = new Date().toISOString();
    if (!storage) return false;
    const text = JSON.stringify(state);
    return trySet(storage, key, text) && readRaw(storage, key) === text;
  };
  return { state, save, problem };
}

export function answersOf(state) {
  return { model: state.model, model_version: state.model_version, aspects: state.aspects,
           results: state.results, notes: state.notes };
}

function parse(raw) {
  try {
    const value = JSON.parse(raw);
    const isObject = (v) => v && typeof v === "object" && !Array.isArray(v);
    if (!isObject(value) || !isObject(value.aspects) || !isObject(value.results) || !isObject(value.notes)) return null;
    return value;
  } catch {
    return null;
  }
}

function readRaw(storage, key) {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function trySet(storage, key, text) {
  try {
    storage.setItem(key, text);
    return true;
  } catch {
    return false;
  }
}
