#!/usr/bin/env bash
# Draws shmlab's icon with ImageMagick: two processes (the circles) joined through one shared
# segment (the block of cells). Writes resources/icons/shmlab.png unless given another path.
set -euo pipefail
out=${1:-$(dirname "$0")/../resources/icons/shmlab.png}

convert -size 256x256 xc:none \
    -fill '#1d3557' -draw 'roundrectangle 8,8 247,247 44,44' \
    -stroke '#a8dadc' -strokewidth 10 -draw 'line 70,128 96,128' -draw 'line 160,128 186,128' \
    -stroke none -fill '#f1faee' -draw 'roundrectangle 90,62 166,194 12,12' \
    -fill '#457b9d' -draw 'rectangle 103,76 153,94' -draw 'rectangle 103,104 153,122' \
    -draw 'rectangle 103,132 153,150' -draw 'rectangle 103,160 153,178' \
    -fill '#e63946' -draw 'circle 54,128 54,100' \
    -fill '#f4a261' -draw 'circle 202,128 202,100' \
    -depth 8 -strip "$out"
