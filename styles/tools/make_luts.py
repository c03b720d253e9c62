#!/usr/bin/env python3
"""Writes the style packs' .cube LUTs (17^3, red fastest). Run from the repository root:
   python3 styles/tools/make_luts.py
Each look is a small function of (r, g, b) in 0..1; the files are committed, this is the recipe."""
import colorsys
import os

N = 17


def clamp(v):
    return max(0.0, min(1.0, v))


def luma(r, g, b):
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def saturate(r, g, b, k):
    y = luma(r, g, b)
    return y + (r - y) * k, y + (g - y) * k, y + (b - y) * k


def lift_gain(v, lift, gain):
    return lift + v * (gain - lift)


def s_curve(v, k):
    # Smooth contrast around mid grey; k=0 is identity.
    return v + k * (v - 0.5) * (1 - abs(2 * v - 1))


def corporate_neutral(r, g, b):
    # Conservative: true greys, a hint of cool in the shadows, skin kept.
    r, g, b = saturate(r, g, b, 0.95)
    shadow = (1 - luma(r, g, b)) ** 2
    return r - 0.01 * shadow, g, b + 0.015 * shadow


def corporate_navy(r, g, b):
    # Cool shadows and neutral highlights, so skin stays natural against navy.
    y = luma(r, g, b)
    shadow = (1 - y) ** 2
    r, g, b = saturate(r, g, b, 0.92)
    return r - 0.02 * shadow, g - 0.005 * shadow, b + 0.03 * shadow


def corporate_airy(r, g, b):
    # Bright office: lifted mids, soft highlights, a touch warm.
    r, g, b = (lift_gain(v, 0.02, 1.0) for v in (r, g, b))
    r, g, b = (clamp(v ** 0.92) for v in (r, g, b))
    return r + 0.01, g + 0.004, b - 0.006


def creative_vivid(r, g, b):
    # Bold: more colour, firmer contrast.
    r, g, b = saturate(r, g, b, 1.18)
    return s_curve(r, 0.18), s_curve(g, 0.18), s_curve(b, 0.18)


def creative_film(r, g, b):
    # Warm film: faded blacks, warm highlights, teal-leaning shadows, softened colour.
    y = luma(r, g, b)
    r, g, b = saturate(r, g, b, 0.85)
    r, g, b = (lift_gain(v, 0.06, 0.97) for v in (r, g, b))
    hi = y ** 2
    lo = (1 - y) ** 2
    return r + 0.05 * hi - 0.01 * lo, g + 0.02 * hi + 0.005 * lo, b - 0.04 * hi + 0.02 * lo


def creative_high_key_bw(r, g, b):
    # Black and white with a red filter's skin (smooth), bright and airy.
    y = 0.45 * r + 0.45 * g + 0.10 * b
    y = clamp(lift_gain(y, 0.03, 1.0) ** 0.85)
    y = s_curve(y, 0.1)
    return y, y, y


LUTS = {
    "styles/corporate/src/main/resources/headroom-styles/corporate/corporate-neutral.cube": ("Corporate neutral", corporate_neutral),
    "styles/corporate/src/main/resources/headroom-styles/corporate/corporate-navy.cube": ("Corporate navy", corporate_navy),
    "styles/corporate/src/main/resources/headroom-styles/corporate/corporate-airy.cube": ("Corporate airy", corporate_airy),
    "styles/creative/src/main/resources/headroom-styles/creative/creative-vivid.cube": ("Creative vivid", creative_vivid),
    "styles/creative/src/main/resources/headroom-styles/creative/creative-film.cube": ("Creative warm film", creative_film),
    "styles/creative/src/main/resources/headroom-styles/creative/creative-high-key-bw.cube": ("Creative high-key B&W", creative_high_key_bw),
}

for path, (title, f) in LUTS.items():
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="ascii") as out:
        out.write(f'TITLE "{title}"\n# Made by styles/tools/make_luts.py\nLUT_3D_SIZE {N}\n')
        for bi in range(N):
            for gi in range(N):
                for ri in range(N):
                    rgb = f(ri / (N - 1), gi / (N - 1), bi / (N - 1))
                    out.write(" ".join(f"{clamp(v):.6f}" for v in rgb) + "\n")
    print("wrote", path)
