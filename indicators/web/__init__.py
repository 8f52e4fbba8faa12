"""The thin Dash layer: layout and callbacks that only wire the pure layers together."""
