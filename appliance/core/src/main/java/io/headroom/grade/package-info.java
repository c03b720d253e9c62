/** Light and colour: 3D LUTs in {@code .cube} format and the grading steps of a style. */
package io.headroom.grade;
