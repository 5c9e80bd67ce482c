/*
 * Frame Studio's campaign page: put a photo under the campaign frame and save the avatar.
 * Everything happens in this browser; the photo is never uploaded (the page has no server
 * side, and its Content-Security-Policy allows no address outside its own folder).
 *
 * The geometry is the desktop app's (frame_studio/core/placement.py and render.py): a
 * placement is {center: [x, y], span, angle} in the upright photo's full-size pixels. The
 * photo point `center` sits at the window's centre, `span` photo pixels cover the window's
 * height, and `angle` turns the window's axes in the photo (degrees, clockwise, y down).
 * The frame's overlay is the PNG the desktop renders, drawn on top unchanged.
 *
 * For tests and tools: window.frameStudio = {ready, load(file), placement(),
 * setPlacement(p), exportDataURL(type), frames(), selectFrame(id), photoSize()}.
 */
'use strict';

(function () {
  const DATA = window.frameStudioData;
  const SIZE = DATA.size;
  const MAX_SIDE = 4096; // a larger photo is scaled down before it is placed (phone memory)
  const PREVIEW_SIDE = 1600; // the copy drawn on screen while dragging
  const MAX_FILE_BYTES = 80 * 1024 * 1024;
  const MIN_SIDE = 64;
  const MIN_SPAN = 8;
  const FACEBOOK = 176;
  const WHEEL_STEP = 1.1;
  const KEY_STEP = 0.01;
  const JPEG_QUALITY = 0.92;
  // A 2x1 JPEG whose EXIF says "turn 90°": decoded 1 px wide when the browser applies EXIF.
  const ORIENTATION_PROBE =
    '/9j/4AAQSkZJRgABAQAAAQABAAD/4QAiRXhpZgAATU0AKgAAAAgAAQESAAMAAAABAAYAAAAAAAD/2wBDAP////////////' +
    '//////////////////////////////////////////////////////////////////////////2wBDAf////////////' +
    '//////////////////////////////////////////////////////////////////////////wAARCAABAAIDASIAAh' +
    'EBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAL/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAA' +
    'AQP/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCQAo//2Q==';

  const TEXT = {
    notImage: (name) =>
      `“${name}” không phải là ảnh, hoặc trình duyệt này không đọc được loại ảnh này. ` +
      'Hãy chọn một ảnh chụp (JPEG hoặc PNG).',
    heic: (name) =>
      `Trình duyệt này không đọc được ảnh HEIC “${name}”. Trên iPhone, hãy chọn ảnh từ thư viện Ảnh ` +
      '(máy tự chuyển sang JPEG), hoặc chụp màn hình ảnh rồi chọn lại.',
    empty: (name) => `Tệp “${name}” trống (0 byte). Hãy chọn ảnh khác.`,
    tooBig: (name, mb) => `Tệp “${name}” quá lớn (${mb} MB). Hãy chọn ảnh dưới 80 MB.`,
    tooSmall: (w, h) => `Ảnh quá nhỏ (${w} × ${h} điểm ảnh). Hãy chọn ảnh có mỗi chiều từ ${MIN_SIDE} điểm ảnh.`,
    oldBrowser: 'Trình duyệt này quá cũ để gắn khung. Hãy cập nhật trình duyệt, hoặc mở trang bằng Chrome, Safari, Firefox hay Cốc Cốc mới.',
    noMemory: 'Ảnh quá lớn, máy không đủ bộ nhớ để mở. Hãy chọn ảnh nhỏ hơn, hoặc chụp màn hình ảnh rồi chọn lại.',
    scaled: (w, h) => `Ảnh rất lớn nên đã được thu nhỏ còn ${w} × ${h} điểm ảnh (vẫn đủ nét cho ảnh đại diện).`,
    noPhoto: 'Hãy chọn ảnh trước.',
    copied: 'Đã sao chép.',
    copyFailed: 'Chưa sao chép được: hãy chọn đoạn chữ và sao chép bằng tay.',
    loading: 'Đang mở ảnh…',
  };

  const $ = (id) => document.getElementById(id);
  const state = { frame: null, overlays: new Map(), photo: null, placement: null, auto: null };
  let exportCanvas = null;
  let settleTimer = 0;
  let drawQueued = false;
  let captionEdited = false;

  // --- geometry (as frame_studio/core/placement.py) --------------------------------------

  const rad = (deg) => (deg * Math.PI) / 180;
  const normAngle = (deg) => ((((deg + 180) % 360) + 360) % 360) - 180;

  function aspect(frame) {
    return frame.window.box[2] / frame.window.box[3];
  }

  /** The portrait-style placement without a face: the largest region, upper centre. */
  function fallbackPlacement(width, height, windowAspect) {
    const span = Math.min(height, width / windowAspect);
    const top = (height - span) * 0.25;
    return { center: [width / 2, top + span / 2], span, angle: 0 };
  }

  /** A window point (x, y in window heights from the window's centre) in photo pixels. */
  function toSource(p, x, y) {
    const c = Math.cos(rad(p.angle));
    const s = Math.sin(rad(p.angle));
    return [p.center[0] + p.span * (c * x - s * y), p.center[1] + p.span * (s * x + c * y)];
  }

  /**
   * The placement after a gesture: the photo point under `from` moves under `to`, the
   * photo shows `zoom` times larger and turns `turn` degrees clockwise on screen.
   */
  function gestured(p, from, to, zoom, turn) {
    const anchor = toSource(p, from[0], from[1]);
    const span = Math.max(MIN_SPAN, p.span / zoom);
    const angle = normAngle(p.angle - turn);
    const moved = toSource({ center: [0, 0], span, angle }, to[0], to[1]);
    return { center: [anchor[0] - moved[0], anchor[1] - moved[1]], span, angle };
  }

  /** Whether the photo covers what shows (the window when the frame paints around it). */
  function covers(p, photo, frame) {
    const [wx, wy, ww, wh] = frame.window.box;
    const [sx, sy, sw, sh] = frame.background ? frame.window.box : [0, 0, 1, 1];
    const cx = wx + ww / 2;
    const cy = wy + wh / 2;
    for (const [u, v] of [[sx, sy], [sx + sw, sy], [sx, sy + sh], [sx + sw, sy + sh]]) {
      const [x, y] = toSource(p, (u - cx) / wh, (v - cy) / wh);
      if (x < -0.5 || y < -0.5 || x > photo.width + 0.5 || y > photo.height + 0.5) return false;
    }
    return true;
  }

  // --- drawing (as frame_studio/core/render.py compose) ----------------------------------

  function colour(hex) {
    return hex.length === 9 ? hex.slice(0, 7) : hex;
  }

  function drawBackdrop(ctx, size, photo, frame) {
    if (frame.padFill === 'background' && frame.background) {
      ctx.fillStyle = colour(frame.background);
      ctx.fillRect(0, 0, size, size);
      return;
    }
    // A soft, darkened copy of the photo behind it (the desktop blurs the photo's edge colours).
    const tiny = photo.tiny;
    const cover = Math.max(size / tiny.width, size / tiny.height);
    ctx.drawImage(tiny, (size - tiny.width * cover) / 2, (size - tiny.height * cover) / 2,
      tiny.width * cover, tiny.height * cover);
    ctx.fillStyle = 'rgba(0, 0, 0, 0.15)';
    ctx.fillRect(0, 0, size, size);
  }

  function drawPhoto(ctx, size, photo, bitmap, p, frame) {
    const [wx, wy, ww, wh] = frame.window.box.map((v) => v * size);
    const scale = bitmap.width / photo.width;
    const ratio = (scale * p.span) / wh; // bitmap pixels per canvas pixel
    ctx.save();
    ctx.translate(wx + ww / 2, wy + wh / 2);
    ctx.rotate(rad(-p.angle));
    ctx.scale(1 / ratio, 1 / ratio);
    ctx.translate(-scale * p.center[0], -scale * p.center[1]);
    if (!photo.opaque) {
      ctx.fillStyle = '#ffffff'; // a transparent photo sits on white, as on the desktop
      ctx.fillRect(0, 0, bitmap.width, bitmap.height);
    }
    ctx.drawImage(bitmap, 0, 0);
    ctx.restore();
  }

  function drawPlaceholder(ctx, size, frame) {
    const [wx, wy, ww, wh] = frame.window.box.map((v) => v * size);
    ctx.fillStyle = '#dfe3e8';
    ctx.fillRect(0, 0, size, size);
    const fx = wx + frame.face.center[0] * ww;
    const fy = wy + frame.face.center[1] * wh;
    const head = (frame.face.height * wh) / 2;
    ctx.fillStyle = '#b9c1cc';
    ctx.beginPath();
    ctx.ellipse(fx, fy + head * 2.9, head * 2.2, head * 1.6, 0, Math.PI, 2 * Math.PI);
    ctx.fill();
    ctx.beginPath();
    ctx.ellipse(fx, fy, head * 0.8, head, 0, 0, 2 * Math.PI);
    ctx.fill();
  }

  function drawGuide(ctx, size, frame) {
    const [wx, wy, ww, wh] = frame.window.box.map((v) => v * size);
    const half = (frame.face.height * wh) / 2;
    ctx.save();
    ctx.setLineDash([size / 60, size / 90]);
    ctx.lineWidth = Math.max(1, size / 300);
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
    ctx.beginPath();
    ctx.ellipse(wx + frame.face.center[0] * ww, wy + frame.face.center[1] * wh, half * 0.8, half, 0, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.restore();
  }

  /** The avatar at `size` px: photo (or a placeholder), then the frame's overlay. */
  function drawAvatar(ctx, size, { full = false, guide = false } = {}) {
    const frame = state.frame;
    const photo = state.photo;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.clearRect(0, 0, size, size);
    if (photo && state.placement) {
      if (!covers(state.placement, photo, frame)) drawBackdrop(ctx, size, photo, frame);
      drawPhoto(ctx, size, photo, full ? photo.bitmap : photo.preview, state.placement, frame);
    } else {
      drawPlaceholder(ctx, size, frame);
    }
    ctx.drawImage(state.overlays.get(frame.id), 0, 0, size, size);
    if (guide && photo) drawGuide(ctx, size, frame);
    ctx.restore();
  }

  function renderExport() {
    if (!exportCanvas) {
      exportCanvas = document.createElement('canvas');
      exportCanvas.width = SIZE;
      exportCanvas.height = SIZE;
    }
    drawAvatar(exportCanvas.getContext('2d'), SIZE, { full: true });
    return exportCanvas;
  }

  let gesture = null;

  function drawStage() {
    drawQueued = false;
    if (!state.frame) return;
    const stage = $('stage');
    const side = Math.round(stage.clientWidth * (window.devicePixelRatio || 1));
    if (side < 1) return;
    if (stage.width !== side) {
      stage.width = side;
      stage.height = side;
    }
    drawAvatar(stage.getContext('2d'), side, { guide: gesture !== null });
  }

  function redraw() {
    if (!drawQueued) {
      drawQueued = true;
      requestAnimationFrame(drawStage);
    }
    clearTimeout(settleTimer);
    settleTimer = setTimeout(settled, 150);
  }

  /** Once the hand stops: the small circle as Facebook shows it. */
  function settled() {
    if (!state.frame) return;
    const canvas = $('facebook');
    const side = Math.round(FACEBOOK * (window.devicePixelRatio || 1));
    canvas.width = side;
    canvas.height = side;
    const ctx = canvas.getContext('2d');
    ctx.clearRect(0, 0, side, side); // the page shows around the circle, as Facebook's does
    ctx.save();
    ctx.beginPath();
    ctx.arc(side / 2, side / 2, side / 2, 0, 2 * Math.PI);
    ctx.clip();
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(renderExport(), 0, 0, side, side);
    ctx.restore();
  }

  // --- reading a photo ---------------------------------------------------------------------

  /** Width, height and EXIF orientation from a JPEG's or PNG's first bytes (null if unknown). */
  function readHeader(bytes) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const text = (at, n) => String.fromCharCode(...bytes.subarray(at, at + n));
    if (bytes.length > 24 && view.getUint32(0) === 0x89504e47) {
      return { type: 'png', width: view.getUint32(16), height: view.getUint32(20), orientation: 1 };
    }
    if (bytes.length > 12 && text(4, 4) === 'ftyp' && /^(heic|heix|hevc|heim|heis|mif1|msf1)$/.test(text(8, 4))) {
      return { type: 'heic' };
    }
    if (bytes.length < 4 || view.getUint16(0) !== 0xffd8) return null;
    const info = { type: 'jpeg', width: 0, height: 0, orientation: 1 };
    let at = 2;
    while (at + 4 <= bytes.length && bytes[at] === 0xff) {
      const marker = bytes[at + 1];
      const length = view.getUint16(at + 2);
      if (marker === 0xe1 && text(at + 4, 4) === 'Exif') info.orientation = exifOrientation(view, at + 10);
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker) && at + 9 <= bytes.length) {
        info.height = view.getUint16(at + 5);
        info.width = view.getUint16(at + 7);
        return info;
      }
      at += 2 + length;
    }
    return info.width ? info : { type: 'jpeg', orientation: info.orientation };
  }

  function exifOrientation(view, tiff) {
    try {
      const little = view.getUint16(tiff) === 0x4949;
      const ifd = tiff + view.getUint32(tiff + 4, little);
      const count = view.getUint16(ifd, little);
      for (let i = 0; i < count; i += 1) {
        const entry = ifd + 2 + i * 12;
        if (view.getUint16(entry, little) === 0x0112) {
          const value = view.getUint16(entry + 8, little);
          return value >= 1 && value <= 8 ? value : 1;
        }
      }
    } catch (error) {
      // a broken EXIF block is ignored, as on the desktop
    }
    return 1;
  }

  let probe = null;
  /** Whether createImageBitmap turns photos upright by itself (most browsers now do). */
  function browserOrients() {
    if (!probe) {
      const bytes = Uint8Array.from(atob(ORIENTATION_PROBE), (c) => c.charCodeAt(0));
      probe = createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }), { imageOrientation: 'from-image' })
        .then((bitmap) => {
          const upright = bitmap.width === 1;
          bitmap.close();
          return upright;
        })
        .catch(() => true);
    }
    return probe;
  }

  function canvasOf(width, height) {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    return canvas;
  }

  /** Apply an EXIF orientation (1-8) by hand, for browsers that do not. */
  function reoriented(bitmap, orientation) {
    const swap = orientation >= 5;
    const w = bitmap.width;
    const h = bitmap.height;
    const canvas = canvasOf(swap ? h : w, swap ? w : h);
    const ctx = canvas.getContext('2d');
    const transforms = {
      2: [-1, 0, 0, 1, w, 0], 3: [-1, 0, 0, -1, w, h], 4: [1, 0, 0, -1, 0, h],
      5: [0, 1, 1, 0, 0, 0], 6: [0, 1, -1, 0, h, 0], 7: [0, -1, -1, 0, h, w], 8: [0, -1, 1, 0, 0, w],
    };
    ctx.setTransform(...transforms[orientation]);
    ctx.drawImage(bitmap, 0, 0);
    return canvas;
  }

  /** A copy `width` x `height` px, reduced with a good filter (halving steps where needed). */
  async function reduced(source, width, height) {
    try {
      const bitmap = await createImageBitmap(source, { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' });
      if (bitmap.width === width && bitmap.height === height) return bitmap;
      bitmap.close();
    } catch (error) {
      // resizing options not supported here: halve by hand
    }
    let current = source;
    while (current.width / 2 >= width) {
      const half = canvasOf(Math.round(current.width / 2), Math.round(current.height / 2));
      const ctx = half.getContext('2d');
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(current, 0, 0, half.width, half.height);
      current = half;
    }
    const out = canvasOf(width, height);
    const ctx = out.getContext('2d');
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(current, 0, 0, width, height);
    return out;
  }

  function fitted(width, height, side) {
    const k = Math.min(1, side / Math.max(width, height));
    return [Math.max(1, Math.round(width * k)), Math.max(1, Math.round(height * k))];
  }

  class UserError extends Error {}

  /** Decode a file upright, scaled down to MAX_SIDE; throws UserError with a sentence. */
  async function decode(file) {
    const name = file.name || 'ảnh';
    if (typeof createImageBitmap !== 'function') throw new UserError(TEXT.oldBrowser);
    if (file.size === 0) throw new UserError(TEXT.empty(name));
    if (file.size > MAX_FILE_BYTES) throw new UserError(TEXT.tooBig(name, Math.round(file.size / 1048576)));
    const head = readHeader(new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer()));
    const options = { imageOrientation: 'from-image' };
    const orientation = (head && head.orientation) || 1;
    let upright = null; // the full size, when the header tells it
    if (head && head.width) upright = orientation >= 5 ? [head.height, head.width] : [head.width, head.height];
    let bitmap = null;
    try {
      if (upright && upright[0] * upright[1] > MAX_SIDE * MAX_SIDE * 2) {
        const [w, h] = fitted(upright[0], upright[1], MAX_SIDE); // let the decoder reduce a huge photo
        bitmap = await createImageBitmap(file, { ...options, resizeWidth: w, resizeHeight: h, resizeQuality: 'high' })
          .catch(() => null);
        if (bitmap && (bitmap.width !== w || bitmap.height !== h)) {
          bitmap.close();
          bitmap = null;
        }
      }
      if (!bitmap) bitmap = await createImageBitmap(file, options);
    } catch (error) {
      if (error && error.name === 'RangeError') throw new UserError(TEXT.noMemory);
      const heic = (head && head.type === 'heic') || /\.hei[cf]$/i.test(name) || /hei[cf]/i.test(file.type);
      throw new UserError(heic ? TEXT.heic(name) : TEXT.notImage(name));
    }
    let source = bitmap;
    if (orientation > 1 && !(await browserOrients())) source = reoriented(bitmap, orientation);
    const size = upright && Math.abs(upright[0] / upright[1] - source.width / source.height) < 0.02
      ? upright : [source.width, source.height];
    if (Math.min(...size) < MIN_SIDE) throw new UserError(TEXT.tooSmall(size[0], size[1]));
    let note = '';
    if (Math.max(source.width, source.height) > MAX_SIDE) {
      const [w, h] = fitted(source.width, source.height, MAX_SIDE);
      source = await reduced(source, w, h);
    }
    if (Math.max(...size) > MAX_SIDE) note = TEXT.scaled(source.width, source.height);
    const [pw, ph] = fitted(source.width, source.height, PREVIEW_SIDE);
    const preview = pw === source.width ? source : await reduced(source, pw, ph);
    const [tw, th] = fitted(source.width, source.height, 24);
    const tiny = await reduced(preview, tw, th);
    const opaque = Boolean(head && head.type === 'jpeg');
    return { bitmap: source, preview, tiny, width: size[0], height: size[1], opaque, note, name };
  }

  // --- state -----------------------------------------------------------------------------

  function setPageState(value) {
    document.documentElement.dataset.state = value;
  }

  function showMessage(text, kind) {
    const box = $('message');
    box.textContent = text;
    box.className = `message ${kind || 'error'}`;
    box.hidden = !text;
  }

  function enable(on) {
    for (const id of ['zoom', 'turn', 'turn90', 'reset', 'save', 'save-png', 'share']) $(id).disabled = !on;
    $('hint').hidden = on;
    $('pick').textContent = on ? 'Chọn ảnh khác' : 'Chọn ảnh';
  }

  function syncControls() {
    const p = state.placement;
    if (!p || !state.auto) return;
    $('zoom').value = String(Math.round((state.auto.span * 100) / p.span));
    $('turn').value = String(Math.round(normAngle(-p.angle)));
  }

  function setPlacement(p) {
    state.placement = { center: [p.center[0], p.center[1]], span: p.span, angle: normAngle(p.angle) };
    syncControls();
    redraw();
  }

  function autoPlacement() {
    const photo = state.photo;
    return fallbackPlacement(photo.width, photo.height, aspect(state.frame));
  }

  async function load(file) {
    setPageState('loading');
    showMessage(TEXT.loading, 'info');
    try {
      const photo = await decode(file);
      if (state.photo) closePhoto(state.photo);
      state.photo = photo;
      state.auto = autoPlacement();
      setPlacement(state.auto);
      enable(true);
      showMessage(photo.note, 'info');
      setPageState('ready');
      return true;
    } catch (error) {
      const text = error instanceof UserError ? error.message : TEXT.notImage(file && file.name ? file.name : 'ảnh');
      showMessage(text, 'error');
      setPageState('error'); // an earlier photo, if any, stays in the frame
      return false;
    }
  }

  function closePhoto(photo) {
    for (const image of [photo.bitmap, photo.preview, photo.tiny]) {
      if (image && image.close) image.close();
    }
  }

  function selectFrame(id) {
    const frame = DATA.frames.find((f) => f.id === id);
    if (!frame) return false;
    state.frame = frame;
    const radio = document.querySelector(`input[name="frame"][value="${CSS.escape(id)}"]`);
    if (radio) radio.checked = true;
    if (state.photo) {
      state.auto = autoPlacement();
      setPlacement(state.auto);
    } else {
      redraw();
    }
    return true;
  }

  // --- gestures ----------------------------------------------------------------------------

  const pointers = new Map();

  /** A pointer's position in window heights from the window's centre. */
  function windowPoint(event) {
    const rect = $('stage').getBoundingClientRect();
    const [wx, wy, ww, wh] = state.frame.window.box.map((v) => v * rect.width);
    return [
      (event.clientX - rect.left - wx - ww / 2) / wh,
      (event.clientY - rect.top - wy - wh / 2) / wh,
    ];
  }

  function beginGesture() {
    const points = [...pointers.values()];
    gesture = points.length ? { start: state.placement, points } : null;
  }

  function followGesture() {
    if (!gesture) return;
    const now = [...pointers.values()];
    const was = gesture.points;
    if (now.length === 1 || was.length === 1) {
      setPlacement(gestured(gesture.start, was[0], now[0], 1, 0));
      return;
    }
    const mid = (a, b) => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    const span = (a, b) => Math.hypot(b[0] - a[0], b[1] - a[1]);
    const turn = (a, b) => (Math.atan2(b[1] - a[1], b[0] - a[0]) * 180) / Math.PI;
    const zoom = span(now[0], now[1]) / Math.max(1e-6, span(was[0], was[1]));
    const degrees = turn(now[0], now[1]) - turn(was[0], was[1]);
    setPlacement(gestured(gesture.start, mid(was[0], was[1]), mid(now[0], now[1]), zoom, degrees));
  }

  function bindGestures() {
    const stage = $('stage');
    stage.addEventListener('pointerdown', (event) => {
      if (!state.photo || pointers.size >= 2) return;
      try {
        stage.setPointerCapture(event.pointerId);
      } catch (error) {
        // a pointer the browser no longer tracks: follow it without capture
      }
      pointers.set(event.pointerId, windowPoint(event));
      beginGesture();
      redraw();
    });
    stage.addEventListener('pointermove', (event) => {
      if (!pointers.has(event.pointerId)) return;
      pointers.set(event.pointerId, windowPoint(event));
      followGesture();
    });
    const end = (event) => {
      if (!pointers.delete(event.pointerId)) return;
      beginGesture();
      redraw();
    };
    stage.addEventListener('pointerup', end);
    stage.addEventListener('pointercancel', end);
    stage.addEventListener('wheel', (event) => {
      if (!state.photo) return;
      event.preventDefault();
      const notches = event.deltaY / (event.deltaMode === 1 ? 3 : 100);
      const at = windowPoint(event);
      setPlacement(gestured(state.placement, at, at, WHEEL_STEP ** -notches, 0));
    }, { passive: false });
    stage.addEventListener('keydown', (event) => {
      if (!state.photo) return;
      const p = state.placement;
      const moves = { ArrowLeft: [-KEY_STEP, 0], ArrowRight: [KEY_STEP, 0], ArrowUp: [0, -KEY_STEP], ArrowDown: [0, KEY_STEP] };
      const centre = [0, 0];
      if (moves[event.key]) setPlacement(gestured(p, centre, moves[event.key], 1, 0));
      else if (event.key === '+' || event.key === '=') setPlacement(gestured(p, centre, centre, WHEEL_STEP, 0));
      else if (event.key === '-') setPlacement(gestured(p, centre, centre, 1 / WHEEL_STEP, 0));
      else if (event.key === '[') setPlacement(gestured(p, centre, centre, 1, -1));
      else if (event.key === ']') setPlacement(gestured(p, centre, centre, 1, 1));
      else return;
      event.preventDefault();
    });
  }

  // --- saving and the caption --------------------------------------------------------------

  function fileName(type) {
    return `anh-dai-dien-${state.frame.id}.${type === 'image/png' ? 'png' : 'jpg'}`;
  }

  function avatarBlob(type) {
    return new Promise((resolve) => renderExport().toBlob(resolve, type, JPEG_QUALITY));
  }

  async function save(type) {
    if (!state.photo) {
      showMessage(TEXT.noPhoto, 'error');
      return;
    }
    const blob = await avatarBlob(type);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = fileName(type);
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  }

  async function share() {
    if (!state.photo) return;
    const blob = await avatarBlob('image/jpeg');
    const file = new File([blob], fileName('image/jpeg'), { type: 'image/jpeg' });
    try {
      await navigator.share({ files: [file] });
    } catch (error) {
      // closed without sharing
    }
  }

  const FIELDS = { ho_ten: 'person-name', ho_va_ten: 'person-name', don_vi: 'person-unit' };
  const EMPTY = '\u0000'; // stands for a field left empty while the caption is tidied
  const SEPARATOR = '[,;:–—\\-/|]';
  const GREETING = /^(?:nhiệt liệt\s+)?(?:chào mừng|hưởng ứng|hướng tới)\s+/iu;
  const TWICE = /\b((?:nhiệt liệt\s+)?chào mừng)\s+(?:nhiệt liệt\s+)?chào mừng\b/giu;

  /** What a campaign greets: its name without a leading greeting (core/campaign.py campaign_event). */
  function campaignEvent(name) {
    const plain = name.normalize('NFC').trim();
    return plain.replace(GREETING, '').replace(/[ .!]+$/u, '') || plain;
  }

  /** A filled caption without its empty fields and what only they needed (core/campaign.py _tidy). */
  function tidy(text) {
    let out = text.replace(new RegExp(`\\s*[(\\[]\\s*${EMPTY}\\s*[)\\]]`, 'gu'), EMPTY);
    out = out.replace(new RegExp(`[ \\t]*${SEPARATOR}[ \\t]*${EMPTY}`, 'gu'), '');
    out = out.replace(new RegExp(`${EMPTY}[ \\t]*${SEPARATOR}[ \\t]*`, 'gu'), '');
    out = out.split(EMPTY).join('');
    out = out.replace(/[ \t]+/gu, ' ').replace(/ ([,.;:!?)\]])/gu, '$1');
    out = out.replace(TWICE, '$1').trim().replace(/^[,;:–—\-/| ]+/u, '');
    out = out.replace(/^\(([^()]*)\)/u, '$1');
    return out.slice(0, 1).toUpperCase() + out.slice(1);
  }

  /** The campaign's caption filled for the person (as core/campaign.py caption). */
  function caption() {
    const name = DATA.campaign.name;
    const values = { chien_dich: name, su_kien: campaignEvent(name) };
    for (const [key, id] of Object.entries(FIELDS)) values[key] = $(id).value;
    const filled = DATA.campaign.caption.replace(/\{([a-z0-9_]+)\}/g, (_, key) => {
      const value = (values[key] || '').normalize('NFC').trim();
      return value || EMPTY;
    });
    return tidy(filled.normalize('NFC'));
  }

  async function copyCaption() {
    const text = $('caption').value;
    let done = false;
    try {
      await navigator.clipboard.writeText(text);
      done = true;
    } catch (error) {
      $('caption').select();
      done = document.execCommand && document.execCommand('copy');
    }
    $('copied').textContent = done ? TEXT.copied : TEXT.copyFailed;
  }

  // --- the page ----------------------------------------------------------------------------

  function vnDate(iso) {
    const [y, m, d] = iso.split('-');
    return `${d}/${m}/${y}`;
  }

  function today() {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }

  function showCampaign() {
    const campaign = DATA.campaign;
    const { start, end } = campaign;
    const ended = end && today() > end;
    let dates = '';
    if (ended) dates = `Chiến dịch đã kết thúc ngày ${vnDate(end)}.`;
    else if (start && end) dates = `Từ ${vnDate(start)} đến hết ${vnDate(end)}.`;
    else if (end) dates = `Đến hết ngày ${vnDate(end)}.`;
    $('dates').textContent = dates;
    $('dates').hidden = !dates;
    $('fb-until').textContent = end && !ended ? ` đến hết ngày ${vnDate(end)}` : '';
    $('zalo-until').textContent = end && !ended ? ` sau ngày ${vnDate(end)}` : ' khi chiến dịch kết thúc';
    $('temporary').textContent = end && !ended
      ? `Chiến dịch kéo dài đến hết ngày ${vnDate(end)}. Trên Facebook, hãy chọn “Đặt làm tạm thời” để ảnh cũ tự trở lại khi chiến dịch kết thúc.`
      : 'Trên Facebook, hãy chọn “Đặt làm tạm thời” để ảnh đại diện cũ tự trở lại khi hết hạn.';
    if (campaign.instructions) {
      $('instructions').textContent = campaign.instructions;
      $('instructions-card').hidden = false;
    }
    if (DATA.qr) {
      $('qr').src = DATA.qr;
      $('qr-card').hidden = false;
    }
    $('caption').value = caption();
  }

  function buildChooser() {
    if (DATA.frames.length < 2) return;
    const list = $('frame-list');
    for (const frame of DATA.frames) {
      const label = document.createElement('label');
      label.className = 'frame-choice';
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = 'frame';
      radio.value = frame.id;
      radio.addEventListener('change', () => selectFrame(frame.id));
      const image = document.createElement('img');
      image.src = frame.overlay;
      image.alt = '';
      const name = document.createElement('span');
      name.textContent = frame.name;
      label.append(radio, image, name);
      list.append(label);
    }
    $('frames').hidden = false;
  }

  async function loadOverlays() {
    await Promise.all(DATA.frames.map(async (frame) => {
      const image = new Image();
      image.src = frame.overlay;
      await image.decode();
      state.overlays.set(frame.id, image);
    }));
  }

  function bindControls() {
    $('photo').addEventListener('change', (event) => {
      const file = event.target.files && event.target.files[0];
      if (file) load(file);
      event.target.value = '';
    });
    $('zoom').addEventListener('input', (event) => {
      const wanted = (state.auto.span * 100) / Number(event.target.value);
      setPlacement(gestured(state.placement, [0, 0], [0, 0], state.placement.span / wanted, 0));
    });
    $('turn').addEventListener('input', (event) => {
      const degrees = Number(event.target.value) + state.placement.angle;
      setPlacement(gestured(state.placement, [0, 0], [0, 0], 1, degrees));
    });
    $('turn90').addEventListener('click', () => setPlacement(gestured(state.placement, [0, 0], [0, 0], 1, 90)));
    $('reset').addEventListener('click', () => setPlacement(state.auto));
    $('save').addEventListener('click', () => save('image/jpeg'));
    $('save-png').addEventListener('click', () => save('image/png'));
    $('share').addEventListener('click', share);
    $('copy').addEventListener('click', copyCaption);
    $('caption').addEventListener('input', () => {
      captionEdited = true;
    });
    for (const id of ['person-name', 'person-unit']) {
      $(id).addEventListener('input', () => {
        if (!captionEdited) $('caption').value = caption();
      });
    }
    const probeFile = new File([new Uint8Array(1)], 'a.jpg', { type: 'image/jpeg' });
    if (navigator.canShare && navigator.canShare({ files: [probeFile] })) $('share').hidden = false;
    new ResizeObserver(redraw).observe($('stage'));
  }

  function offline() {
    const local = location.protocol === 'https:' || location.hostname === 'localhost' || location.hostname === '127.0.0.1';
    if ('serviceWorker' in navigator && local) navigator.serviceWorker.register('sw.js').catch(() => {});
  }

  async function start() {
    showCampaign();
    buildChooser();
    bindControls();
    bindGestures();
    await loadOverlays();
    selectFrame(DATA.frames[0].id);
    setPageState('empty');
    offline();
  }

  const ready = start();

  window.frameStudio = {
    ready,
    load,
    placement: () => (state.placement ? { ...state.placement, center: [...state.placement.center] } : null),
    setPlacement: (p) => {
      setPlacement(p);
      settled();
    },
    exportDataURL: (type = 'image/png') =>
      state.photo ? renderExport().toDataURL(type, type === 'image/jpeg' ? JPEG_QUALITY : undefined) : null,
    frames: () => DATA.frames.map((frame) => frame.id),
    selectFrame,
    photoSize: () => (state.photo ? [state.photo.width, state.photo.height] : null),
  };
})();
