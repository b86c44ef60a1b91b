/** Durable state on disk ({@code DATA_DIR}): files replaced atomically, so a crash never leaves half a file. */
package com.srsync.durable;
