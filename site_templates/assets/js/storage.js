// The browser's localStorage for one model, made safe: the first of the three storage modules (storage.js, then
// library.js for the scans and session.js for the team page's session).
//
// - every write is read back, so a page knows when the browser did not keep something (quota, private mode,
//   storage switched off while the page was open);
// - text that cannot be kept as it is, is first copied under a quarantine key (rules.storage.quarantine + the time)
//   and only then replaced; copies are listed, offered as a download and never deleted silently;
// - `problems` collects what could not be read, for the page's storage notice (storage-notice.js):
//   {kind: "unavailable"} | {kind: "unreadable", what, name, fields, copyKey, raw} | {kind: "newer", what, name};
// - `onChange` tells about keys another tab changed (the `storage` event), named without the model's prefix.
//
// Every key is named relative to the model's prefix (rules.storage.prefix, "servicescan:<model>:"); the layout of
// the keys is declared once in scoring_py/record_shape.py and reaches this module as `rules.storage`.

export function openStorage(rules) {
  const layout = rules.storage;
  const local = openLocalStorage(layout.prefix);
  const problems = local ? [] : [{ kind: "unavailable" }];
  const full = (key) => `${layout.prefix}${key}`;
  const storage = {
    layout,
    problems,
    available: Boolean(local),
    readOnly: false, // set when stored data was written by a newer version: then nothing is written at all
    read: (key) => (local ? readRaw(local, full(key)) : null),
    // Written and read back; false when the browser did not keep it.
    write: (key, text) => Boolean(local) && !storage.readOnly && trySet(local, full(key), text)
      && storage.read(key) === text,
    remove: (key) => removeKey(local, full(key)),
    // The keys of this model, without the prefix.
    keys: () => (local ? storageKeys(local).filter((key) => key.startsWith(layout.prefix))
      .map((key) => key.slice(layout.prefix.length)) : []),
    keepCopy: (raw) => keepCopy(storage, raw),
    // A problem with stored text: the text is copied aside first; the copy's key, or null when it could not be kept.
    report(problem, raw) {
      const copyKey = keepCopy(storage, raw);
      problems.push({ kind: "unreadable", ...problem, copyKey, raw });
      return copyKey;
    },
    // The copies of unreadable data kept in this browser: [{key, time, text}].
    copies: () => storage.keys().filter((key) => key.startsWith(layout.quarantine))
      .map((key) => ({ key, time: key.slice(layout.quarantine.length), text: storage.read(key) })),
    removeCopy: (key) => key.startsWith(layout.quarantine) && storage.remove(key),
    // Another tab changed a key of this model (`key` without the prefix), or cleared everything (`key` is null).
    onChange(callback) {
      window.addEventListener("storage", (event) => {
        if (event.key === null) callback(null);
        else if (event.key.startsWith(layout.prefix)) callback(event.key.slice(layout.prefix.length));
      });
    },
  };
  return storage;
}

// A copy of `raw` under a quarantine key; the key when the copy is confirmed, else null. The same text is copied once.
function keepCopy(storage, raw) {
  const { quarantine } = storage.layout;
  const existing = storage.keys().find((key) => key.startsWith(quarantine) && storage.read(key) === raw);
  if (existing) return existing;
  const base = `${quarantine}${new Date().toISOString()}`;
  let key = base;
  for (let n = 2; storage.read(key) !== null; n += 1) key = `${base}-${n}`;
  return storage.write(key, raw) ? key : null;
}

// localStorage when this page may use it; reading a key is what fails where it is blocked.
function openLocalStorage(probe) {
  try {
    const storage = window.localStorage;
    storage.getItem(probe);
    return storage;
  } catch {
    return null; // blocked by settings, or partitioned away in a third-party iframe
  }
}

function storageKeys(storage) {
  try {
    return Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key) => key !== null);
  } catch {
    return [];
  }
}

function removeKey(storage, key) {
  try {
    storage?.removeItem(key);
    return true;
  } catch {
    return false;
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
    return false; // quota exceeded, or storage switched off while the page was open
  }
}
