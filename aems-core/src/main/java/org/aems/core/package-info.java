package org.aems.core;
