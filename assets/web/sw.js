/*
 * Frame Studio campaign page: keeps the page's own files so that it opens again without a
 * network. Network first (a new export is seen at once), this folder's copy when offline.
 * It caches only this folder's files; photos are never fetched, so never stored.
 */
'use strict';

const CACHE = `frame-studio-{{release}}-${self.registration.scope}`;
const FILES = {{files}};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  const mine = (name) => name.startsWith('frame-studio-') && name.endsWith(self.registration.scope);
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => mine(n) && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: false }).then((hit) => hit || caches.match('index.html'))),
  );
});
