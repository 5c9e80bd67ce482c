"""The pure core: images, faces, placement, frames and rendering. Never imports Qt."""
