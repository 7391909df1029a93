/**
 * Business calendars as RFC 5545 iCalendar files, read and written with ical4j. Time-zone updates over the network
 * are switched off ({@code ical4j.properties}): a tenant's file never makes Ordo call out.
 */
package health.ordo.adapter.calendar;
