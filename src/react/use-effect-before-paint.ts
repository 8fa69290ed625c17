'use client'
import { useEffect, useLayoutEffect } from 'react'

/** A layout effect in a browser (it runs before the next paint); on the server, where nothing is painted, a plain effect. */
export const useEffectBeforePaint = typeof document === 'undefined' ? useEffect : useLayoutEffect
