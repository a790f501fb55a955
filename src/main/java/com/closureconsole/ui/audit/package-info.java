/**
 * The supervisors' audit views: the filter bar over the keyset-paged grid of entries, the side panel
 * with one entry in full, the export and verification jobs with their progress, and evidence bundles
 * for one closure's trail.
 */
@NullMarked
package com.closureconsole.ui.audit;

import org.jspecify.annotations.NullMarked;
