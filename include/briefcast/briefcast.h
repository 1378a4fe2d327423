/* briefcast — news articles into spoken audio briefings. The whole public
 * API; each stage also has a header of its own. */
#ifndef BRIEFCAST_H
#define BRIEFCAST_H

#include "common.h"
#include "ingest.h"
#include "text.h"
#include "summary.h"
#include "voice.h"
#include "plan.h"
#include "synth.h"
#include "audio.h"
#include "encode.h"
#include "render.h"
#include "publish.h"

#endif
